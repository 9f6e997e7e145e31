namespace Snello.Build.Specs;

/// <summary>A group written to <c>/etc/group</c> (<c>groups[]</c>, merged with the defaults).</summary>
/// <param name="Name">The group name.</param>
/// <param name="Gid">The group id.</param>
/// <param name="Members">User names listed as supplementary members; empty by default.</param>
public sealed record GroupSpec(string Name, int Gid, IReadOnlyList<string> Members);
