using System.Text;
using Snello.Build.Assembly;
using Snello.Debian.Control;
using Snello.Debian.Packages;
using Snello.Oci.Caching;
using Snello.Oci.FileSystems;
using Snello.Oci.Images;

namespace Snello.Tests.Build.Assembly;

/// <summary>A temporary folder with a blob cache, .deb writing, and reading files back from an image.</summary>
internal sealed class AssemblyScratch : IDisposable
{
    public static readonly DateTimeOffset Epoch = new(2024, 6, 1, 12, 0, 0, TimeSpan.Zero);

    public AssemblyScratch()
    {
        Root = Directory.CreateTempSubdirectory("snello-assembly-").FullName;
        Cache = new BlobCache(Path.Combine(Root, "cache"));
    }

    public string Root { get; }

    public BlobCache Cache { get; }

    public PackageInput Input(TestDeb deb)
    {
        var path = deb.WriteTo(Root);
        var record = PackageRecord.FromParagraph(Deb822Reader.Parse(deb.Control, "test")[0]);
        return new PackageInput(record, path);
    }

    public AssemblyPlan Plan(params TestDeb[] debs) => new()
    {
        Packages = debs.Select(Input).ToList(),
        Created = Epoch,
        Architecture = "amd64",
        Codename = "bookworm",
    };

    public static async Task<FileSystemView> ViewAsync(IImage image) =>
        await FileSystemView.BuildAsync(image, ExtractionLimits.Default, TestContext.Current.CancellationToken);

    public static async Task<string> ReadAsync(FileSystemView view, string path)
    {
        await using var stream = await view.OpenReadAsync(path, TestContext.Current.CancellationToken);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return await reader.ReadToEndAsync(TestContext.Current.CancellationToken);
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
