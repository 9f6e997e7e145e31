using Snello.Debian.Packages;

namespace Snello.Debian.Resolution;

/// <summary>
/// Chooses the packages an image needs: the requested ones and, transitively, what their
/// <c>Pre-Depends</c> and <c>Depends</c> ask for (Debian policy 7.2), minus what the policy leaves out.
/// Recommends and Suggests are not followed, and the essential set is not pulled in wholesale: an
/// essential package is in only when requested or depended on.
/// </summary>
/// <remarks>
/// <para>Choices, in the spirit of apt: the highest version that meets the constraint wins, so a security
/// suite's update wins over the release's version; among alternatives (<c>a | b</c>) one already selected
/// wins, else the first that some package satisfies; a virtual name goes to a selected provider, else to
/// the provider of highest Priority, then by name.</para>
/// <para>Versions are picked greedily: when a later constraint rejects a version picked earlier, that version
/// is set aside and the resolution starts over without it. This finds a solution in the common cases (a
/// lower version from the release when the update is too new for another package), but it is no full
/// search: a version set aside stays aside even when the package whose constraint rejected it ends up not
/// selected, and conflicts are reported, not worked around.</para>
/// </remarks>
public sealed class DependencyResolver
{
    // Each pass sets one more version aside; real archives need none or a few.
    private const int MaxPasses = 200;

    private readonly PackageUniverse _universe;
    private readonly ResolutionPolicy _policy;
    private readonly string? _archiveName;

    /// <summary>Indexes the packages to choose from; build it once and resolve as often as needed.</summary>
    /// <param name="universe">
    /// The records of every repository, preferred repository first: of a name and version found twice, the
    /// first record is kept. Records of other architectures than <paramref name="architecture"/> and
    /// <c>all</c> are ignored.
    /// </param>
    /// <param name="architecture">The target architecture, such as <c>amd64</c>.</param>
    /// <param name="policy">What to leave out; <see cref="ResolutionPolicy.Default"/> normally.</param>
    /// <param name="archiveName">Names the archive in messages, such as <c>bookworm main</c>; optional.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public DependencyResolver(
        IReadOnlyList<PackageRecord> universe, string architecture, ResolutionPolicy policy,
        string? archiveName = null)
    {
        ArgumentNullException.ThrowIfNull(universe);
        ArgumentNullException.ThrowIfNull(architecture);
        ArgumentNullException.ThrowIfNull(policy);
        _universe = new PackageUniverse(new ListPackageSource(universe), architecture);
        _policy = policy;
        _archiveName = archiveName;
    }

    /// <summary>Creates a resolver that looks packages up in a source as it meets their names.</summary>
    /// <param name="source">Where packages come from, such as <see cref="IndexPackageSource"/>.</param>
    /// <param name="architecture">The target architecture; only its records and <c>all</c> ones count.</param>
    /// <param name="policy">What to leave out.</param>
    /// <param name="archiveName">The archive's name for messages, such as <c>bookworm main</c>.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public DependencyResolver(IPackageSource source, string architecture, ResolutionPolicy policy,
        string? archiveName = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(architecture);
        ArgumentNullException.ThrowIfNull(policy);
        _universe = new PackageUniverse(source, architecture);
        _policy = policy;
        _archiveName = archiveName;
    }

    /// <summary>The target architecture.</summary>
    public string Architecture => _universe.Architecture;

    /// <summary>Resolves requests into the packages to install.</summary>
    /// <param name="requests">The packages asked for; each is included even when the policy lists it.</param>
    /// <returns>The selected packages with why each is in, and what the policy left out.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="requests"/> is null.</exception>
    /// <exception cref="UnsatisfiableDependencyException">A request names no package, no version meets a
    /// request or a dependency, a virtual request has several providers, or two selected packages conflict;
    /// the message names the package, the relation and what the archive holds.</exception>
    /// <exception cref="PackageRecordException">A selected package's Conflicts or Breaks is malformed.</exception>
    public Resolution Resolve(IReadOnlyList<PackageRequest> requests)
    {
        ArgumentNullException.ThrowIfNull(requests);
        var setAside = new Dictionary<PackageRecord, string>(ReferenceEqualityComparer.Instance);
        var messages = new ResolutionMessages(_universe, _archiveName, setAside);
        for (var pass = 0; pass < MaxPasses; pass++)
        {
            var attempt = new ResolutionAttempt(_universe, _policy, setAside, messages);
            if (attempt.Run(requests) is { } resolution)
            {
                return resolution;
            }

            var (record, reason) = attempt.Blocked!.Value;
            setAside.Add(record, reason);
        }

        throw new UnsatisfiableDependencyException(null, null, string.Join(", ", requests),
            $"could not be resolved: {MaxPasses} versions were set aside without reaching a solution");
    }
}
