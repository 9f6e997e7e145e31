using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using Snello.Oci.Digests;
using Snello.Oci.Images;
using Snello.Oci.Json;
using Snello.Oci.Model;
using Snello.Oci.Mutations;
using Snello.Oci.Transports;
using Snello.Oci.Transports.Oci;

namespace Snello.IntegrationTests.Infrastructure;

/// <summary>
/// Small real images for the tests: a static busybox (Debian's busybox-static) that runs in a container, a second
/// layer that whites out and replaces files, and the usual kinds of entry: symlinks, hard links, long names.
/// </summary>
public static class TestImages
{
    public const string Greeting = "hello from snello";

    public static async Task<IImage> CreateAsync(bool requireBusybox = true)
    {
        var busybox = "/bin/busybox";
        if (!File.Exists(busybox))
        {
            if (requireBusybox)
            {
                Components.RequireTool("busybox", "busybox-static");
            }

            busybox = "/bin/true";
        }

        var baseLayer = Tar(w =>
        {
            Dir(w, "bin/");
            Dir(w, "etc/");
            Dir(w, "tmp/", 0b1_111_111_111);
            AddFile(w, "bin/busybox", System.IO.File.ReadAllBytes(busybox), 0b111_101_101);
            Link(w, TarEntryType.SymbolicLink, "bin/sh", "busybox");
            AddFile(w, "etc/os-release", "ID=snello-test\nVERSION_ID=1\n"u8.ToArray());
            AddFile(w, "etc/passwd", Encoding.UTF8.GetBytes(
                "root:x:0:0:root:/root:/sbin/nologin\n" +
                "nonroot:x:65532:65532::/home/nonroot:/sbin/nologin\n"));
            AddFile(w, "etc/removed-later", "gone\n"u8.ToArray());
            Dir(w, "opaque/");
            AddFile(w, "opaque/old", "old\n"u8.ToArray());
            AddFile(w, "data/original", "shared content\n"u8.ToArray());
            Link(w, TarEntryType.HardLink, "data/hardlink", "data/original");
            var deep = string.Join('/', Enumerable.Repeat("long-directory-name", 8)) + "/file-with-a-long-name.txt";
            AddFile(w, deep, "deep\n"u8.ToArray());
        });
        var appLayer = Tar(w =>
        {
            Dir(w, "app/");
            AddFile(w, "app/greeting.txt", Encoding.UTF8.GetBytes(Greeting + "\n"));
            AddFile(w, "etc/.wh.removed-later", []);
            AddFile(w, "opaque/.wh..wh..opq", []);
            AddFile(w, "opaque/new", "new\n"u8.ToArray());
        });

        var layers = new List<(byte[] Tar, byte[] Gzip)> { (baseLayer, Gzip(baseLayer)), (appLayer, Gzip(appLayer)) };
        var config = new ImageConfig
        {
            Created = DateTimeOffset.UnixEpoch,
            Architecture = Platform.Host.Architecture,
            Os = "linux",
            Config = new ContainerConfig
            {
                Entrypoint = ["/bin/busybox", "cat", "/app/greeting.txt"],
                Env = ["PATH=/bin"],
                WorkingDir = "/",
            },
            RootFs = new RootFs { DiffIds = layers.Select(l => Digest.Compute(l.Tar)).ToList() },
            History =
            [
                new HistoryEntry { Created = DateTimeOffset.UnixEpoch, CreatedBy = "test base layer" },
                new HistoryEntry { Created = DateTimeOffset.UnixEpoch, CreatedBy = "test app layer" },
            ],
        };
        var rawConfig = OciJson.Serialize(config);
        var blobLayers = layers.Select(l => (ILayer)new BytesLayer(l.Gzip, l.Tar)).ToList();
        var manifest = new ImageManifest
        {
            MediaType = MediaTypes.OciManifest,
            Config = new Descriptor
            {
                MediaType = MediaTypes.OciConfig,
                Digest = Digest.Compute(rawConfig),
                Size = rawConfig.Length,
            },
            Layers = blobLayers.Select(l => l.Descriptor).ToList(),
        };
        await Task.CompletedTask;
        return new MemoryImage(manifest, rawConfig, blobLayers);
    }

    /// <summary>Writes the test image to <c>oci:DIR:TAG</c> and returns the location text.</summary>
    public static async Task<string> WriteOciAsync(string dir, string tag = "test")
    {
        var image = await CreateAsync();
        var location = ImageLocation.Parse($"oci:{dir}:{tag}");
        await new OciLayoutWriter(location).WriteAsync(image);
        return location.ToString();
    }

    public static byte[] Tar(Action<TarWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var writer = new TarWriter(buffer, TarEntryFormat.Pax, leaveOpen: true))
        {
            body(writer);
        }

        return buffer.ToArray();
    }

    public static byte[] Gzip(byte[] data)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(data);
        }

        return buffer.ToArray();
    }

    private static void Dir(TarWriter w, string name, int mode = 0b111_101_101) =>
        w.WriteEntry(new PaxTarEntry(TarEntryType.Directory, name) { Mode = (UnixFileMode)mode });

    private static void AddFile(TarWriter w, string name, byte[] content, int mode = 0b110_100_100) =>
        w.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, name)
        {
            Mode = (UnixFileMode)mode,
            DataStream = new MemoryStream(content),
        });

    private static void Link(TarWriter w, TarEntryType type, string name, string target) =>
        w.WriteEntry(new PaxTarEntry(type, name) { LinkName = target, Mode = (UnixFileMode)0b111_111_111 });

    private sealed class BytesLayer(byte[] gzip, byte[] tar) : ILayer
    {
        public Descriptor Descriptor { get; } = new()
        {
            MediaType = MediaTypes.OciLayerGzip,
            Digest = Digest.Compute(gzip),
            Size = gzip.Length,
        };

        public Digest DiffId { get; } = Digest.Compute(tar);

        public Task<Stream> OpenCompressedAsync(CancellationToken cancellationToken = default) =>
            Task.FromResult<Stream>(new MemoryStream(gzip, writable: false));

        public Task<Stream> OpenUncompressedAsync(CancellationToken cancellationToken = default) =>
            Task.FromResult<Stream>(new MemoryStream(tar, writable: false));
    }
}
