using System.Formats.Tar;
using System.Text;
using Snello.Build.Assembly;
using Snello.Debian.Packages;
using Snello.Oci.Caching;
using Snello.Oci.Digests;
using Snello.Oci.FileSystems;
using Snello.Oci.Images;
using Snello.Oci.Json;
using Snello.Oci.Layers;
using Snello.Oci.Model;
using Snello.Oci.Mutations;

namespace Snello.Build.Debugging;

/// <summary>
/// The debug toolbox: one layer holding Debian's busybox-static as <c>/busybox/busybox</c> with a link per
/// applet, as Google's <c>:debug</c> images have it, and the config changes that make it the shell.
/// </summary>
public static class DebugToolbox
{
    /// <summary>The folder the toolbox lives in, appended to <c>PATH</c>.</summary>
    public const string Folder = "/busybox";

    /// <summary>The entrypoint of a debug image.</summary>
    public static IReadOnlyList<string> Shell { get; } = ["/busybox/sh"];

    /// <summary>The history text of the toolbox layer.</summary>
    public const string CreatedBy = "snello debug: busybox toolbox";

    /// <summary>
    /// Writes the toolbox layer into the cache. The applet names come from the binary's own applet table
    /// (busybox keeps them as one sorted run of NUL-terminated names); the binary is never run.
    /// </summary>
    /// <param name="busybox">The busybox-static package.</param>
    /// <param name="created">The modification time of every member.</param>
    /// <param name="cache">Where the layer is stored.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The layer, gzip-compressed.</returns>
    /// <exception cref="AssemblyException">The package is unreadable, holds no busybox binary, or the binary has
    /// no applet table.</exception>
    public static async Task<ILayer> BuildLayerAsync(PackageInput busybox, DateTimeOffset created, BlobCache cache,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(busybox);
        ArgumentNullException.ThrowIfNull(cache);
        var binary = ReadBinary(busybox);
        var applets = AppletNames(binary, busybox.DebPath);
        var entries = new List<StagedEntry>
        {
            Staged(new LayerTarEntry { Path = "busybox", Type = EntryType.Directory, Mode = 0x1ed }),
            Staged(new LayerTarEntry
            {
                Path = "busybox/busybox",
                Type = EntryType.RegularFile,
                Mode = 0x1ed,
                Size = binary.Length,
                OpenContentAsync = _ => Task.FromResult<Stream>(new MemoryStream(binary, writable: false)),
            }),
        };
        entries.AddRange(applets.Where(a => a != "busybox").Select(a => Staged(new LayerTarEntry
        {
            Path = "busybox/" + a, Type = EntryType.Symlink, Mode = 0x1ff, LinkTarget = "busybox",
        })));
        var group = new LayerGroup(CreatedBy, entries);
        return await ImageAssembler.WriteLayerAsync(group, new LayerTarOptions { ModificationTime = created },
            cache, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Adds the toolbox layer on top of <paramref name="image"/>: entrypoint <c>/busybox/sh</c>, no command,
    /// and <c>:/busybox</c> appended to <c>PATH</c>. User, working folder and the rest of the config stay.
    /// </summary>
    /// <param name="image">The image to extend; it is not changed.</param>
    /// <param name="busybox">The busybox-static package.</param>
    /// <param name="cache">Where the layer is stored.</param>
    /// <param name="created">The layer's time and the new config's creation time; null keeps the image's
    /// creation time (or the Unix epoch), so the result stays reproducible.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A new OCI image.</returns>
    /// <exception cref="AssemblyException">See <see cref="BuildLayerAsync"/>.</exception>
    public static async Task<IImage> AddAsync(IImage image, PackageInput busybox, BlobCache cache,
        DateTimeOffset? created = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(image);
        var oci = Mutate.ConvertFormat(image, ManifestFormat.Oci);
        var time = created ?? oci.Config.Created ?? DateTimeOffset.UnixEpoch;
        var layer = await BuildLayerAsync(busybox, time, cache, cancellationToken).ConfigureAwait(false);

        var container = oci.Config.Config ?? new ContainerConfig();
        var env = new List<string>(container.Env ?? []);
        var path = env.FindIndex(e => e.StartsWith("PATH=", StringComparison.Ordinal));
        if (path >= 0)
        {
            env[path] += ":" + Folder;
        }
        else
        {
            env.Add($"PATH={ImageAssembler.DefaultPath}:{Folder}");
        }

        var config = oci.Config with
        {
            Created = time,
            Config = container with { Env = env, Entrypoint = Shell, Cmd = null },
            RootFs = oci.Config.RootFs with { DiffIds = [.. oci.Config.RootFs.DiffIds, layer.DiffId] },
            History = [.. oci.Config.History ?? [], new HistoryEntry { Created = time, CreatedBy = CreatedBy }],
        };
        var rawConfig = OciJson.Serialize(config);
        var layers = oci.Layers.Append(layer).ToList();
        var manifest = oci.Manifest with
        {
            Config = oci.Manifest.Config with { Digest = Digest.Compute(rawConfig), Size = rawConfig.Length },
            Layers = layers.Select(l => l.Descriptor).ToList(),
        };
        return new MemoryImage(manifest, rawConfig, layers);
    }

    private static readonly System.Buffers.SearchValues<byte> AppletCharacters =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789-_.[]"u8);

    private static StagedEntry Staged(LayerTarEntry entry) => new(entry, null, StagedEntry.BaseOwner);

    private static byte[] ReadBinary(PackageInput busybox)
    {
        byte[]? binary = null;
        try
        {
            using var file = File.OpenRead(busybox.DebPath);
            DebPackage.Read(file, busybox.DebPath, entry =>
            {
                var name = entry.Name.TrimStart('.', '/');
                if (name is "bin/busybox" or "usr/bin/busybox"
                    && entry.EntryType is TarEntryType.RegularFile or TarEntryType.V7RegularFile
                    && entry.DataStream is { } data)
                {
                    binary = new byte[entry.Length];
                    data.ReadExactly(binary);
                }
            });
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or DebFormatException
            or PackageRecordException)
        {
            throw new AssemblyException(busybox.DebPath, $"busybox package '{busybox.DebPath}' cannot be read: "
                + e.Message, e);
        }

        return binary ?? throw new AssemblyException(busybox.DebPath, $"'{busybox.DebPath}' holds no "
            + "/bin/busybox; expected Debian's busybox-static package");
    }

    /// <summary>
    /// The applet names in a busybox binary: the table starts with <c>[</c> and <c>[[</c> and runs, sorted, to
    /// an empty name.
    /// </summary>
    internal static IReadOnlyList<string> AppletNames(ReadOnlySpan<byte> binary, string file)
    {
        ReadOnlySpan<byte> start = "[\0[[\0"u8;
        var at = binary.IndexOf(start);
        var names = new List<string>();
        while (at >= 0 && at < binary.Length)
        {
            var end = binary[at..].IndexOf((byte)0);
            if (end <= 0)
            {
                break;
            }

            var name = binary.Slice(at, end);
            if (name.Length > 64 || name.IndexOfAnyExcept(AppletCharacters) >= 0)
            {
                break;
            }

            names.Add(Encoding.ASCII.GetString(name));
            at += end + 1;
        }

        if (names.Count < 10 || names.Zip(names.Skip(1)).Any(p => string.CompareOrdinal(p.First, p.Second) >= 0))
        {
            throw new AssemblyException(file, $"the busybox binary in '{file}' has no readable applet table "
                + "(expected a sorted run of names starting with '[' and '[['); is it busybox-static?");
        }

        return names;
    }
}
