namespace Snello.Tests.Support;

/// <summary>A fresh temporary parent folder with a target path inside it, removed afterwards.</summary>
public sealed class Sandbox : IDisposable
{
    public Sandbox()
    {
        Parent = Directory.CreateTempSubdirectory("snello-fs-").FullName;
        Target = Path.Combine(Parent, "rootfs");
    }

    public string Parent { get; }

    public string Target { get; }

    /// <summary>The names in the parent folder, hidden ones included.</summary>
    public string[] ParentListing() =>
        Directory.EnumerateFileSystemEntries(Parent).Select(Path.GetFileName).Order(StringComparer.Ordinal)
            .ToArray()!;

    public void Dispose()
    {
        if (Directory.Exists(Parent))
        {
            Directory.Delete(Parent, recursive: true);
        }
    }
}
