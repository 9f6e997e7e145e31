namespace Snello.Build.Specs;

/// <summary>An account written to <c>/etc/passwd</c> (<c>users[]</c>, merged with the defaults).</summary>
/// <param name="Name">The login name.</param>
/// <param name="Uid">The user id.</param>
/// <param name="Gid">The primary group id.</param>
/// <param name="Home">The home folder, created with mode 0700 unless it is <c>/nonexistent</c>.</param>
/// <param name="Shell">The login shell (distroless images have none: <c>/sbin/nologin</c>).</param>
public sealed record UserSpec(string Name, int Uid, int Gid, string Home, string Shell);
