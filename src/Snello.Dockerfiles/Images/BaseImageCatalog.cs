namespace Snello.Dockerfiles.Images;

/// <summary>
/// Tells shell-less and non-root bases from their names: <c>scratch</c>; Google's distroless images
/// (<c>gcr.io/distroless/*</c>: a busybox shell only in <c>debug</c> tags, user 65532 in
/// <c>nonroot</c> tags); Chainguard images (<c>cgr.dev/chainguard/*</c>: non-root, a shell only
/// in <c>-dev</c> tags); Microsoft's chiseled .NET images (non-root <c>app</c>, no shell); and any
/// patterns the configuration adds, such as a team's own Snello-built bases.
/// </summary>
public sealed class BaseImageCatalog
{
    private readonly IReadOnlyList<string> _shellLess;
    private readonly IReadOnlyList<string> _nonRoot;

    /// <summary>Creates a catalog with extra name prefixes (a trailing <c>*</c> is allowed).</summary>
    public BaseImageCatalog(IEnumerable<string>? shellLessImages = null, IEnumerable<string>? nonRootImages = null)
    {
        _shellLess = shellLessImages?.ToArray() ?? [];
        _nonRoot = nonRootImages?.ToArray() ?? [];
    }

    /// <summary>The catalog with only the built-in knowledge.</summary>
    public static BaseImageCatalog Default { get; } = new();

    /// <summary>Returns what is known of <paramref name="image"/>, a reference as written in FROM.</summary>
    public BaseImageTraits Of(string image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var reference = image.Trim().ToLowerInvariant();
        var (repository, tag) = Split(reference);
        var extraShellLess = _shellLess.Any(p => Matches(reference, p));
        var extraNonRoot = _nonRoot.Any(p => Matches(reference, p));

        if (repository == "scratch")
        {
            return new BaseImageTraits(false, extraNonRoot, true, true, true);
        }

        if (repository.StartsWith("gcr.io/distroless/", StringComparison.Ordinal))
        {
            var debug = tag.Contains("debug", StringComparison.Ordinal);
            var nonRoot = tag.Contains("nonroot", StringComparison.Ordinal) || extraNonRoot;
            return new BaseImageTraits(debug && !extraShellLess, nonRoot, false, true, true);
        }

        if (repository.StartsWith("cgr.dev/chainguard/", StringComparison.Ordinal))
        {
            var dev = tag.EndsWith("-dev", StringComparison.Ordinal) || tag == "dev";
            return new BaseImageTraits(dev && !extraShellLess, true, false, !dev, true);
        }

        if (repository.StartsWith("mcr.microsoft.com/dotnet/", StringComparison.Ordinal)
            && tag.Contains("chiseled", StringComparison.Ordinal))
        {
            return new BaseImageTraits(false, true, false, true, true);
        }

        if (extraShellLess || extraNonRoot)
        {
            return new BaseImageTraits(!extraShellLess, extraNonRoot, false, extraShellLess, true);
        }

        return BaseImageTraits.Ordinary;
    }

    /// <summary>Splits a reference into repository and tag (digest ignored, tag empty when absent).</summary>
    public static (string Repository, string Tag) Split(string reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var at = reference.IndexOf('@', StringComparison.Ordinal);
        var name = at < 0 ? reference : reference[..at];
        var slash = name.LastIndexOf('/');
        var colon = name.LastIndexOf(':');
        return colon > slash ? (name[..colon], name[(colon + 1)..]) : (name, "");
    }

    private static bool Matches(string reference, string pattern)
    {
        var p = pattern.Trim().ToLowerInvariant();
        return p.EndsWith('*')
            ? reference.StartsWith(p[..^1], StringComparison.Ordinal)
            : reference == p || Split(reference).Repository == p;
    }
}
