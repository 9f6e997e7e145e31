namespace Snello.Build.Assembly;

/// <summary>One line of <c>/etc/group</c> (group(5)).</summary>
/// <param name="Name">The group name.</param>
/// <param name="Gid">The numeric group ID.</param>
/// <param name="Members">User names listed as supplementary members.</param>
public sealed record GroupEntry(string Name, int Gid, IReadOnlyList<string>? Members = null);
