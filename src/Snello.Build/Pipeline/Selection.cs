using Snello.Build.Locking;
using Snello.Debian.Resolution;

namespace Snello.Build.Pipeline;

/// <summary>The packages chosen for one architecture, by resolving or from the lock file.</summary>
/// <param name="Lock">The lock entry: what to fetch.</param>
/// <param name="Packages">Each package with why it is in.</param>
/// <param name="Omitted">What the policy left out.</param>
/// <param name="Created">The date of the newest index the packages came from; null when there are none.</param>
internal sealed record Selection(
    LockedArchitecture Lock,
    IReadOnlyList<BuiltPackage> Packages,
    IReadOnlyList<OmittedPackage> Omitted,
    DateTimeOffset? Created);
