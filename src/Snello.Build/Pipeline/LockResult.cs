using Snello.Build.Locking;

namespace Snello.Build.Pipeline;

/// <summary>The outcome of <c>snello lock</c>: the new lock and what each architecture resolved to.</summary>
/// <param name="Lock">The lock file to keep.</param>
/// <param name="Architectures">Each architecture's packages with their reasons, and the omissions.</param>
/// <param name="Changed">True when the lock differs from the one given.</param>
public sealed record LockResult(LockFile Lock, IReadOnlyList<ArchitectureLock> Architectures, bool Changed);
