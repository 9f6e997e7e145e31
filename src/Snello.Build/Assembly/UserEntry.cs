namespace Snello.Build.Assembly;

/// <summary>One line of <c>/etc/passwd</c> (passwd(5)).</summary>
/// <param name="Name">The login name.</param>
/// <param name="Uid">The numeric user ID.</param>
/// <param name="Gid">The primary group's ID.</param>
/// <param name="Home">The home folder; created with mode 0700, owned by the user, unless it is
/// <c>/nonexistent</c>.</param>
/// <param name="Shell">The login shell; distroless images have none, so the default names nologin.</param>
public sealed record UserEntry(string Name, int Uid, int Gid, string Home, string Shell = "/sbin/nologin");
