using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace Snello.Debian.Resolution;

/// <summary>
/// Which packages a resolution leaves out although a dependency asks for them: those only maintainer
/// scripts need. Snello never runs maintainer scripts (it emulates their needed effects when it assembles
/// the image), so what exists only to serve them would be dead weight in a distroless image.
/// </summary>
/// <remarks>
/// An omission applies to a dependency, not to a package: a package the caller requests is always
/// included, so a spec can force one in; and a dependency from a package built from the same source
/// package as the omitted one (<c>perl</c> on <c>perl-base</c>) is kept, since such siblings need each
/// other at run time.
/// </remarks>
public sealed class ResolutionPolicy
{
    private const string MaintainerScripts = "needed only by maintainer scripts, which Snello never runs";

    /// <summary>
    /// Dependencies left out only when one package has them: ca-certificates runs openssl only from
    /// update-ca-certificates, its maintainer-time script, and Snello builds the bundle that script makes.
    /// </summary>
    private static readonly Dictionary<(string Owner, string Name), string> DefaultEdges = new()
    {
        [("ca-certificates", "openssl")] = "ca-certificates runs openssl only from update-ca-certificates, " +
            "its maintainer-time script; Snello builds the CA bundle that script makes",
    };

    private readonly FrozenDictionary<string, string> _omitted;
    private readonly FrozenDictionary<(string Owner, string Name), string> _edges;

    /// <summary>Creates a policy.</summary>
    /// <param name="omitted">Package or virtual names to leave out, each with the reason shown in
    /// <c>--explain</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="omitted"/> is null.</exception>
    public ResolutionPolicy(IReadOnlyDictionary<string, string> omitted)
    {
        ArgumentNullException.ThrowIfNull(omitted);
        _omitted = omitted.ToFrozenDictionary(StringComparer.Ordinal);
        _edges = FrozenDictionary<(string Owner, string Name), string>.Empty;
    }

    private ResolutionPolicy(IReadOnlyDictionary<string, string> omitted,
        IReadOnlyDictionary<(string Owner, string Name), string> edges)
        : this(omitted)
    {
        _edges = edges.ToFrozenDictionary();
    }

    /// <summary>
    /// Snello's written policy: debconf and its virtual <c>debconf-2.0</c>, dpkg, adduser, perl-base, the
    /// awks, install-info, init-system-helpers, ucf, lsb-base and usr-is-merged, each with its reason.
    /// </summary>
    public static ResolutionPolicy Default { get; } = new(new Dictionary<string, string>(StringComparer.Ordinal)
    {
        // ca-certificates, tzdata, libpam0g, libpam-modules and libpam-runtime depend on debconf only so
        // that their postinst scripts can ask questions; the answers' effects are emulated or defaulted.
        ["debconf"] = MaintainerScripts + " (debconf asks their configuration questions)",
        ["debconf-2.0"] = MaintainerScripts + " (the virtual debconf interface)",
        ["cdebconf"] = MaintainerScripts + " (the other debconf implementation)",

        // python3-minimal, perl-base and readline-common ('dpkg | install-info') depend on dpkg for
        // their scripts and triggers; the image keeps package records in /var/lib/dpkg/status.d instead.
        ["dpkg"] = MaintainerScripts + "; the image carries no package manager, only package records",
        ["install-info"] = MaintainerScripts + " (it updates the info directory; info pages are excluded)",
        ["adduser"] = MaintainerScripts + " (it creates system users; the spec's users are written directly)",

        // perl-base is Essential and packages use it from their scripts without saying so; a package of
        // the perl source (perl, libperl) still gets it, as the remarks above explain.
        ["perl-base"] = MaintainerScripts,

        // base-files Pre-Depends on awk for its postinst.
        ["awk"] = MaintainerScripts + " (base-files' scripts call awk)",
        ["mawk"] = MaintainerScripts + " (base-files' scripts call awk)",
        ["gawk"] = MaintainerScripts + " (base-files' scripts call awk)",
        ["original-awk"] = MaintainerScripts + " (base-files' scripts call awk)",

        ["init-system-helpers"] = MaintainerScripts + " (deb-systemd-helper, invoke-rc.d); containers run "
            + "no init system",
        ["usr-is-merged"] = MaintainerScripts + " (its preinst checks for merged /usr); it holds no files",
        ["usrmerge"] = MaintainerScripts + " (it converts a root to merged /usr)",
        ["ucf"] = MaintainerScripts + " (it merges configuration files on upgrade)",
        ["lsb-base"] = "needed only by init.d scripts, which a container never runs",
    }, DefaultEdges);

    /// <summary>A policy that leaves nothing out: every dependency is followed.</summary>
    public static ResolutionPolicy None { get; } = new(new Dictionary<string, string>());

    /// <summary>The names left out, each with its reason.</summary>
    public IReadOnlyDictionary<string, string> Omitted => _omitted;


    /// <summary>Whether the policy leaves out one package's dependency on a name.</summary>
    /// <param name="name">A package or virtual name.</param>
    /// <param name="owner">The package whose dependency it is.</param>
    /// <param name="reason">Why, when it does.</param>
    /// <returns>True when the policy lists the name, or this dependency of this owner.</returns>
    public bool Omits(string name, string owner, [NotNullWhen(true)] out string? reason) =>
        Omits(name, out reason) || _edges.TryGetValue((owner, name), out reason);

    /// <summary>Whether the policy leaves a name out.</summary>
    /// <param name="name">A package or virtual name.</param>
    /// <param name="reason">Why, when it does.</param>
    /// <returns>True when the policy lists the name.</returns>
    public bool Omits(string name, [NotNullWhen(true)] out string? reason) =>
        _omitted.TryGetValue(name, out reason);
}
