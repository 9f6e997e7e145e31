using Snello.Oci.Images;

namespace Snello.Build.Assembly;

/// <summary>
/// Everything <see cref="ImageAssembler"/> needs to make one single-platform image. The plan knows nothing of
/// snello.yaml: the build pipeline fills it from the spec, the resolution and the fetched packages.
/// </summary>
public sealed record AssemblyPlan
{
    /// <summary>
    /// Globs excluded unless the caller passes its own: documentation, man and info pages, locales and
    /// lintian overrides, and the single certificates the CA bundle is made of.
    /// <see cref="DefaultKeep"/> keeps each package's copyright file, as distroless does.
    /// </summary>
    public static IReadOnlyList<string> DefaultExclude { get; } =
    [
        "/usr/share/doc/**", "/usr/share/man/**", "/usr/share/info/**", "/usr/share/locale/**",
        "/usr/share/lintian/**", "/usr/share/linda/**", "/usr/share/bug/**",

        // The CA bundle is made from these; distroless ships only the bundle.
        "/usr/share/ca-certificates/**",
    ];

    /// <summary>Globs kept even when <see cref="Exclude"/> matches: each package's copyright file.</summary>
    public static IReadOnlyList<string> DefaultKeep { get; } = ["/usr/share/doc/*/copyright"];

    /// <summary>The packages to install. Their order does not matter: they are installed sorted by name.</summary>
    public IReadOnlyList<PackageInput> Packages { get; init; } = [];

    /// <summary>
    /// Users beyond the defaults (root 0, nonroot 65532, nobody 65534); an entry with a default's name
    /// replaces it.
    /// </summary>
    public IReadOnlyList<UserEntry> Users { get; init; } = [];

    /// <summary>Groups beyond the defaults (root 0, tty 5, staff 50, nonroot 65532, nobody 65534).</summary>
    public IReadOnlyList<GroupEntry> Groups { get; init; } = [];

    /// <summary>
    /// Who the container runs as: a user name from the users, or <c>uid</c> or <c>uid:gid</c>. Null means
    /// <c>nonroot</c>, or the base image's user when there is a base.
    /// </summary>
    public string? RunAs { get; init; }

    /// <summary>Host files and folders to copy in, after the packages (they win over package files).</summary>
    public IReadOnlyList<FileInput> Files { get; init; } = [];

    /// <summary>Globs on image paths (<c>*</c>, <c>?</c>, <c>**</c>) of package files to leave out.</summary>
    public IReadOnlyList<string> Exclude { get; init; } = DefaultExclude;

    /// <summary>Globs of package files kept even though <see cref="Exclude"/> matches them.</summary>
    public IReadOnlyList<string> Keep { get; init; } = DefaultKeep;

    /// <summary>How files are split into layers.</summary>
    public LayerStrategy Layers { get; init; } = LayerStrategy.PackagesAndApp;

    /// <summary>The entrypoint; null keeps the base image's (none without a base).</summary>
    public IReadOnlyList<string>? Entrypoint { get; init; }

    /// <summary>The command; null keeps the base image's unless <see cref="Entrypoint"/> is set.</summary>
    public IReadOnlyList<string>? Cmd { get; init; }

    /// <summary>Environment variables, set after <c>PATH</c> and <c>SSL_CERT_FILE</c> (and may replace them).</summary>
    public IReadOnlyDictionary<string, string> Env { get; init; } = new Dictionary<string, string>();

    /// <summary>The working directory; null keeps the base image's.</summary>
    public string? Workdir { get; init; }

    /// <summary>Image config labels, merged over the base image's.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>Manifest annotations.</summary>
    public IReadOnlyDictionary<string, string> Annotations { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// The one timestamp of the image: every file's mtime and the config's creation time. The caller picks
    /// <c>SOURCE_DATE_EPOCH</c> or the newest index date, so that the same inputs give the same digest.
    /// </summary>
    public required DateTimeOffset Created { get; init; }

    /// <summary>The Debian architecture of the packages (<c>amd64</c>, <c>arm64</c>, ...).</summary>
    public required string Architecture { get; init; }

    /// <summary>
    /// The Debian suite's codename (<c>bookworm</c>, <c>trixie</c>), used for <c>/etc/os-release</c> when
    /// base-files is not installed; null writes none in that case.
    /// </summary>
    public string? Codename { get; init; }

    /// <summary>An image to build on: its layers come first and its config is the starting point.</summary>
    public IImage? Base { get; init; }
}
