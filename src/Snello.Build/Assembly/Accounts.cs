using System.Globalization;
using System.Text;

namespace Snello.Build.Assembly;

/// <summary>
/// The users and groups of the image: the defaults distroless images have, then those of a base image, then
/// the plan's, each later entry replacing an earlier one of the same name.
/// </summary>
internal sealed class Accounts
{
    private static readonly UserEntry[] DefaultUsers =
    [
        new("root", 0, 0, "/root"),
        new("nobody", 65534, 65534, "/nonexistent"),
        new("nonroot", 65532, 65532, "/home/nonroot"),
    ];

    private static readonly GroupEntry[] DefaultGroups =
    [
        new("root", 0), new("tty", 5), new("staff", 50), new("nobody", 65534), new("nonroot", 65532),
    ];

    private readonly List<UserEntry> _users = [];

    private readonly List<GroupEntry> _groups = [];

    public Accounts(IReadOnlyList<UserEntry> baseUsers, IReadOnlyList<GroupEntry> baseGroups,
        IReadOnlyList<UserEntry> users, IReadOnlyList<GroupEntry> groups)
    {
        foreach (var user in DefaultUsers.Concat(baseUsers).Concat(users))
        {
            Validate(user.Name, user.Uid, "user");
            _users.RemoveAll(u => u.Name == user.Name);
            _users.Add(user);
        }

        foreach (var group in DefaultGroups.Concat(baseGroups).Concat(groups))
        {
            Validate(group.Name, group.Gid, "group");
            _groups.RemoveAll(g => g.Name == group.Name);
            _groups.Add(group);
        }
    }

    public IReadOnlyList<UserEntry> Users => _users;

    /// <summary>The <c>User</c> config value for a run-as setting: <c>uid:gid</c> where the user is known.</summary>
    /// <exception cref="AssemblyException">A name that is no user, or a malformed number.</exception>
    public string ConfigUser(string runAs)
    {
        var parts = runAs.Split(':');
        if (parts.Length > 2 || parts.Any(p => p.Length == 0))
        {
            throw new AssemblyException(runAs, $"run-as '{runAs}' is not usable; expected a user name, "
                + "'uid' or 'uid:gid'");
        }

        var user = int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var uid)
            ? _users.FirstOrDefault(u => u.Uid == uid)
            : _users.FirstOrDefault(u => u.Name == parts[0])
                ?? throw new AssemblyException(runAs, $"run-as user '{parts[0]}' is not among the users ("
                    + string.Join(", ", _users.Select(u => u.Name)) + "); add it to the users or give a uid");
        var userPart = user?.Uid.ToString(CultureInfo.InvariantCulture) ?? parts[0];
        if (parts.Length == 2)
        {
            var group = int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var gid)
                ? gid
                : _groups.FirstOrDefault(g => g.Name == parts[1])?.Gid
                    ?? throw new AssemblyException(runAs, $"run-as group '{parts[1]}' is not among the groups");
            return $"{userPart}:{group.ToString(CultureInfo.InvariantCulture)}";
        }

        // A uid no passwd line names gets no group here: the runtime then uses gid 0, as it would anyway.
        return user is null ? userPart : $"{userPart}:{user.Gid.ToString(CultureInfo.InvariantCulture)}";
    }

    /// <summary>passwd(5) lines, in uid order.</summary>
    public byte[] Passwd()
    {
        var text = new StringBuilder();
        foreach (var u in _users.OrderBy(u => u.Uid).ThenBy(u => u.Name, StringComparer.Ordinal))
        {
            text.Append(CultureInfo.InvariantCulture, $"{u.Name}:x:{u.Uid}:{u.Gid}:{u.Name}:{u.Home}:{u.Shell}\n");
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>group(5) lines, in gid order.</summary>
    public byte[] Group()
    {
        var text = new StringBuilder();
        foreach (var g in _groups.OrderBy(g => g.Gid).ThenBy(g => g.Name, StringComparer.Ordinal))
        {
            var members = string.Join(',', g.Members ?? []);
            text.Append(CultureInfo.InvariantCulture, $"{g.Name}:x:{g.Gid}:{members}\n");
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>Reads passwd(5) text; lines that are not seven fields with numeric ids are skipped.</summary>
    public static IReadOnlyList<UserEntry> ParsePasswd(string text) =>
        text.Split('\n').Select(l => l.Split(':')).Where(f => f.Length == 7
                && int.TryParse(f[2], NumberStyles.None, CultureInfo.InvariantCulture, out _)
                && int.TryParse(f[3], NumberStyles.None, CultureInfo.InvariantCulture, out _))
            .Select(f => new UserEntry(f[0], int.Parse(f[2], CultureInfo.InvariantCulture),
                int.Parse(f[3], CultureInfo.InvariantCulture), f[5], f[6])).ToList();

    /// <summary>Reads group(5) text; malformed lines are skipped.</summary>
    public static IReadOnlyList<GroupEntry> ParseGroup(string text) =>
        text.Split('\n').Select(l => l.Split(':')).Where(f => f.Length == 4
                && int.TryParse(f[2], NumberStyles.None, CultureInfo.InvariantCulture, out _))
            .Select(f => new GroupEntry(f[0], int.Parse(f[2], CultureInfo.InvariantCulture),
                f[3].Length == 0 ? [] : f[3].Split(','))).ToList();

    private static void Validate(string name, int id, string what)
    {
        if (name.Length == 0 || name.Any(c => c is ':' or '\n' or ',' || char.IsWhiteSpace(c)) || id < 0)
        {
            throw new AssemblyException(name, $"{what} '{name}' with id {id} is not usable; expected a name "
                + "without ':', ',' or spaces and an id of 0 or more");
        }
    }
}
