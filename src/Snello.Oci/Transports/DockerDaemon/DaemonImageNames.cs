using Snello.Oci.Digests;
using Snello.Oci.References;

namespace Snello.Oci.Transports.DockerDaemon;

/// <summary>How a <c>docker-daemon:</c> location names an image to the engine.</summary>
internal static class DaemonImageNames
{
    /// <summary>
    /// The name to ask the engine for: an image ID where the location gives one (<c>docker-daemon:sha256:…</c>,
    /// as skopeo accepts), else the reference in Docker's short form (<c>app:1.0</c>).
    /// </summary>
    public static string Of(ImageLocation location) =>
        ImageId(location) is { } id ? id.ToString() : location.Reference!.FamiliarName;

    /// <summary>The image ID the location names, or null where it names a reference.</summary>
    public static Digest? ImageId(ImageLocation location)
    {
        var text = location.Text["docker-daemon:".Length..];
        return text.StartsWith("sha256:", StringComparison.Ordinal) && Digest.TryParse(text, out var id)
            ? id
            : null;
    }

    /// <summary>The reference a write tags: the location's, with <c>latest</c> where it names no tag.</summary>
    public static ImageReference Tagged(ImageLocation location)
    {
        var reference = location.Reference!;
        return reference.Tag is null ? reference.WithTag(ImageReference.DefaultTag) : reference;
    }
}
