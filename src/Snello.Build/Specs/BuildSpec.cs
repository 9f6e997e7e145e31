using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using Snello.Build.Assembly;
using Snello.Build.Paths;

namespace Snello.Build.Specs;

/// <summary>
/// A parsed and validated <c>snello.yaml</c>: what to build, with every default filled in. Paths in it are
/// resolved against the spec's folder; whether the files exist is checked by the build, not here.
/// </summary>
public sealed class BuildSpec
{
    /// <summary>The full path of the spec file.</summary>
    public required string Path { get; init; }

    /// <summary>The folder holding the spec file; relative paths in the spec start here.</summary>
    public string Directory => System.IO.Path.GetDirectoryName(Path) ?? "/";

    /// <summary><c>sha256:HEX</c> of the spec file's bytes, recorded in the lock file.</summary>
    public required string Digest { get; init; }

    /// <summary>The Debian release; null only when the spec builds on a <see cref="Base"/> and names none.</summary>
    public required DistributionSpec? Distribution { get; init; }

    /// <summary>An image reference in any transport to build on, or null for an empty root.</summary>
    public string? Base { get; init; }

    /// <summary>Debian architecture names; the host's by default. More than one gives an index.</summary>
    public required IReadOnlyList<string> Architectures { get; init; }

    /// <summary>The requested packages, in the spec's order.</summary>
    public required IReadOnlyList<SpecPackage> Packages { get; init; }

    /// <summary>The spec's own exclude globs; <see cref="Filter"/> adds <see cref="DefaultExclude"/>.</summary>
    public required IReadOnlyList<string> Exclude { get; init; }

    /// <summary>The spec's own keep globs, which win over every exclude.</summary>
    public required IReadOnlyList<string> Keep { get; init; }

    /// <summary>The accounts: the defaults (root, nonroot, nobody) merged with the spec's, sorted by uid.</summary>
    public required IReadOnlyList<UserSpec> Users { get; init; }

    /// <summary>The groups: the defaults merged with the spec's, sorted by gid.</summary>
    public required IReadOnlyList<GroupSpec> Groups { get; init; }

    /// <summary><c>run-as</c> as written (a name or <c>uid[:gid]</c>); <c>nonroot</c> by default.</summary>
    public required string RunAs { get; init; }

    /// <summary>The numeric user and group that <see cref="RunAs"/> names.</summary>
    public required Ownership RunAsOwner { get; init; }

    /// <summary>The local files and folders copied into the image, in the spec's order.</summary>
    public required IReadOnlyList<FileSpec> Files { get; init; }

    /// <summary>The entrypoint, or null when the spec sets none (a base image's stays).</summary>
    public IReadOnlyList<string>? Entrypoint { get; init; }

    /// <summary>The default arguments, or null when the spec sets none.</summary>
    public IReadOnlyList<string>? Cmd { get; init; }

    /// <summary>Environment variables added to the image config, beside PATH and SSL_CERT_FILE.</summary>
    public required IReadOnlyDictionary<string, string> Env { get; init; }

    /// <summary>The working folder, absolute, or null for none.</summary>
    public string? Workdir { get; init; }

    /// <summary>Image config labels.</summary>
    public required IReadOnlyDictionary<string, string> Labels { get; init; }

    /// <summary>Manifest annotations.</summary>
    public required IReadOnlyDictionary<string, string> Annotations { get; init; }

    /// <summary>How files are split into layers; <see cref="LayerStrategy.PackagesAndApp"/> by default.</summary>
    public LayerStrategy Layers { get; init; } = LayerStrategy.PackagesAndApp;

    /// <summary>Whether the busybox toolbox layer is added, as <c>--debug</c> does; false by default.</summary>
    public bool Debug { get; init; }

    /// <summary>Whether ELF files under <see cref="Files"/> pull in the packages owning their libraries.</summary>
    public bool Closure { get; init; } = true;

    /// <summary>
    /// The paths dropped from packages by default, as Google's distroless images drop them: documentation
    /// (except each package's copyright, see <see cref="DefaultKeep"/>), manual and info pages, translations,
    /// and files only Debian's tools read (lintian overrides, reportbug scripts, debugger helpers).
    /// </summary>
    public static IReadOnlyList<string> DefaultExclude { get; } =
    [
        "/usr/share/doc/**", "/usr/share/man/**", "/usr/share/info/**", "/usr/share/locale/**",
        "/usr/share/lintian/**", "/usr/share/linda/**", "/usr/share/bug/**", "/usr/share/doc-base/**",
        "/usr/share/gdb/**", "/usr/share/gcc/python/**", "/usr/share/menu/**",

        // The single certificates: the bundle the assembly builds from them is what programs read.
        "/usr/share/ca-certificates/**",
    ];

    /// <summary>The paths kept despite <see cref="DefaultExclude"/>: each package's license statement.</summary>
    public static IReadOnlyList<string> DefaultKeep { get; } = ["/usr/share/doc/*/copyright"];

    /// <summary>The accounts every image has, as distroless images have them.</summary>
    public static IReadOnlyList<UserSpec> DefaultUsers { get; } =
    [
        new("root", 0, 0, "/root", "/sbin/nologin"),
        new("nonroot", 65532, 65532, "/home/nonroot", "/sbin/nologin"),
        new("nobody", 65534, 65534, "/nonexistent", "/sbin/nologin"),
    ];

    /// <summary>The groups every image has.</summary>
    public static IReadOnlyList<GroupSpec> DefaultGroups { get; } =
    [
        new("root", 0, []),
        new("nonroot", 65532, []),
        new("nobody", 65534, []),
    ];

    /// <summary>The exclude and keep globs in force: the defaults and the spec's.</summary>
    public PathFilter Filter => new([.. DefaultExclude, .. Exclude], [.. DefaultKeep, .. Keep]);

    /// <summary>Reads and validates a spec file.</summary>
    /// <param name="path">The spec file.</param>
    /// <param name="hostArchitecture">The default architecture; the running machine's when null.</param>
    /// <returns>The spec.</returns>
    /// <exception cref="SpecException">The file is not a valid spec; the message says where and why.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static BuildSpec Load(string path, string? hostArchitecture = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var bytes = File.ReadAllBytes(path);
        return Parse(bytes, path, hostArchitecture);
    }

    /// <summary>Parses and validates spec text.</summary>
    /// <param name="text">The YAML text.</param>
    /// <param name="path">The file the text came from: named in errors, and the base of relative paths.</param>
    /// <param name="hostArchitecture">The default architecture; the running machine's when null.</param>
    /// <returns>The spec.</returns>
    /// <exception cref="SpecException">The text is not a valid spec; the message says where and why.</exception>
    public static BuildSpec Parse(string text, string path, string? hostArchitecture = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Parse(Encoding.UTF8.GetBytes(text), path, hostArchitecture);
    }

    /// <summary>The running machine's Debian architecture name.</summary>
    /// <returns><c>amd64</c> or <c>arm64</c>.</returns>
    /// <exception cref="PlatformNotSupportedException">The machine is neither.</exception>
    public static string HostArchitecture() => RuntimeInformation.OSArchitecture switch
    {
        Architecture.X64 => "amd64",
        Architecture.Arm64 => "arm64",
        var other => throw new PlatformNotSupportedException(
            $"host architecture '{other}' has no default; name one in 'architectures'"),
    };

    private static BuildSpec Parse(byte[] bytes, string path, string? hostArchitecture)
    {
        ArgumentNullException.ThrowIfNull(path);
        var digest = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(bytes));
        string text;
        try
        {
            text = new UTF8Encoding(false, true).GetString(bytes).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException e)
        {
            throw new SpecException(path, 0, 0, "", "the file is not UTF-8 text", e);
        }

        return new SpecReader(path, text, digest, hostArchitecture).Read();
    }
}
