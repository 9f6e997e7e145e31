namespace Snello.Dockerfiles.Images;

/// <summary>What Snello knows of a base image without pulling it.</summary>
/// <param name="HasShell">False for images without <c>/bin/sh</c> (scratch, distroless, chiseled).</param>
/// <param name="RunsAsNonRoot">True when the image's own config sets a non-root USER.</param>
/// <param name="IsScratch">True for <c>scratch</c>: no files at all, not even /etc/passwd.</param>
/// <param name="IsDistroless">True for images made to run one program without a distribution around it.</param>
/// <param name="Known">False when nothing is known and the values are the usual defaults of an OS image.</param>
public sealed record BaseImageTraits(bool HasShell, bool RunsAsNonRoot, bool IsScratch, bool IsDistroless,
    bool Known)
{
    /// <summary>An ordinary distribution image: a shell, root by default.</summary>
    public static BaseImageTraits Ordinary { get; } = new(true, false, false, false, false);
}
