using Snello.Oci.Layers;

namespace Snello.Build.Assembly;

/// <summary>
/// One path of the image being assembled: its tar member, the bytes of a package file (null for host files,
/// which are read from disk when the layer is written) and which layer group it belongs to.
/// </summary>
/// <param name="Entry">The member; its path is normalised (no leading slash).</param>
/// <param name="Content">A package file's bytes, kept so conflicts can be compared and hard links copied.</param>
/// <param name="Owner">Who put it there: a package name, <see cref="BaseOwner"/> or <see cref="AppOwner"/>.</param>
internal sealed record StagedEntry(LayerTarEntry Entry, byte[]? Content, string Owner)
{
    /// <summary>The owner of the base files: folders, passwd, group, CA bundle, dpkg records.</summary>
    public const string BaseOwner = "(base files)";

    /// <summary>The owner of the host files.</summary>
    public const string AppOwner = "(files)";

    public string Path => Entry.Path;
}
