using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Snello.Build.Specs;

/// <summary>Users, groups, owners and files: the parts of a spec that refer to each other by name.</summary>
internal sealed partial class SpecReader
{
    private List<UserSpec> Users(Dictionary<string, YamlNode> top)
    {
        var users = new List<UserSpec>(BuildSpec.DefaultUsers);
        if (!top.TryGetValue("users", out var node))
        {
            return users;
        }

        var own = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (item, key) in Items(node, "users"))
        {
            var entries = Entries(item, key, SpecKeys.User);
            var name = AccountName(entries, item, key);
            if (!entries.TryGetValue("uid", out var u))
            {
                throw Error(item, $"{key}.uid", $"{key}.uid is missing; a user needs 'name' and 'uid'");
            }

            var uid = Id(u, $"{key}.uid");
            var gid = entries.TryGetValue("gid", out var g) ? Id(g, $"{key}.gid") : uid;
            var home = entries.TryGetValue("home", out var h) ? AbsolutePath(h, $"{key}.home") : $"/home/{name}";
            var shell = entries.TryGetValue("shell", out var s) ? AbsolutePath(s, $"{key}.shell") : "/sbin/nologin";
            if (!own.Add(name))
            {
                throw Error(item, $"{key}.name", $"{key}.name '{name}' is defined twice");
            }

            // A spec's user of a default name replaces the default; a new name must not take a used uid.
            users.RemoveAll(x => x.Name == name);
            var clash = users.FirstOrDefault(x => x.Uid == uid);
            if (clash is not null)
            {
                throw Error(u, $"{key}.uid", $"{key}.uid {uid} of '{name}' is already the uid of '{clash.Name}'");
            }

            users.Add(new UserSpec(name, uid, gid, home, shell));
        }

        return [.. users.OrderBy(x => x.Uid)];
    }

    private List<GroupSpec> Groups(Dictionary<string, YamlNode> top, List<UserSpec> users)
    {
        var groups = new List<GroupSpec>(BuildSpec.DefaultGroups);
        if (top.TryGetValue("groups", out var node))
        {
            var own = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (item, key) in Items(node, "groups"))
            {
                var entries = Entries(item, key, SpecKeys.Group);
                var name = AccountName(entries, item, key);
                if (!entries.TryGetValue("gid", out var g))
                {
                    throw Error(item, $"{key}.gid", $"{key}.gid is missing; a group needs 'name' and 'gid'");
                }

                var gid = Id(g, $"{key}.gid");
                var members = new List<string>();
                if (entries.TryGetValue("members", out var m))
                {
                    foreach (var (memberNode, memberKey) in Items(m, $"{key}.members"))
                    {
                        var member = Text(memberNode, memberKey);
                        if (users.All(x => x.Name != member))
                        {
                            throw Error(memberNode, memberKey, $"{memberKey} '{member}' is not a user; expected "
                                + $"one of {string.Join(", ", users.Select(x => x.Name))}");
                        }

                        members.Add(member);
                    }
                }

                if (!own.Add(name))
                {
                    throw Error(item, $"{key}.name", $"{key}.name '{name}' is defined twice");
                }

                groups.RemoveAll(x => x.Name == name);
                var clash = groups.FirstOrDefault(x => x.Gid == gid);
                if (clash is not null)
                {
                    throw Error(g, $"{key}.gid", $"{key}.gid {gid} of '{name}' is already the gid of '{clash.Name}'");
                }

                groups.Add(new GroupSpec(name, gid, members));
            }
        }

        // Like useradd, a user whose primary group does not exist gets one of its own name.
        foreach (var user in users.Where(u => groups.All(g => g.Gid != u.Gid)))
        {
            var name = groups.Any(g => g.Name == user.Name) ? $"{user.Name}-{user.Gid}" : user.Name;
            groups.Add(new GroupSpec(name, user.Gid, []));
        }

        return [.. groups.OrderBy(x => x.Gid)];
    }

    private string AccountName(Dictionary<string, YamlNode> entries, YamlNode item, string key)
    {
        if (!entries.TryGetValue("name", out var n))
        {
            throw Error(item, $"{key}.name", $"{key}.name is missing");
        }

        // passwd(5) and useradd(8): a name may not hold ':' or newlines, nor start with '-'.
        var name = Text(n, $"{key}.name");
        var valid = name.Length is > 0 and <= 32 && !name.StartsWith('-')
            && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.');
        return valid ? name : throw Error(n, $"{key}.name", $"{key}.name '{name}' is not an account name; "
            + "expected 1 to 32 letters, digits, '_', '-' or '.', not starting with '-'");
    }

    /// <summary>An owner written as <c>uid</c>, <c>uid:gid</c>, <c>user</c> or <c>user:group</c>.</summary>
    private Ownership Owner(YamlNode node, string key, string value, List<UserSpec> users, List<GroupSpec> groups)
    {
        var parts = value.Split(':');
        if (parts.Length > 2 || parts.Any(p => p.Length == 0))
        {
            throw Error(node, key, $"{key} '{value}' is not an owner; expected uid:gid, a user name, or user:group");
        }

        UserSpec? user = null;
        int uid;
        if (int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            uid = number;
            user = users.FirstOrDefault(u => u.Uid == uid);
        }
        else
        {
            user = users.FirstOrDefault(u => u.Name == parts[0]) ?? throw Error(node, key,
                $"{key} '{value}' names user '{parts[0]}', which is not defined; expected one of "
                + string.Join(", ", users.Select(u => u.Name)) + " or a numeric uid");
            uid = user.Uid;
        }

        if (parts.Length == 1)
        {
            return user is not null ? new Ownership(uid, user.Gid) : throw Error(node, key,
                $"{key} '{value}' is a uid no user has, so its group is unknown; expected uid:gid");
        }

        if (int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var gid))
        {
            return new Ownership(uid, gid);
        }

        var group = groups.FirstOrDefault(g => g.Name == parts[1]) ?? throw Error(node, key,
            $"{key} '{value}' names group '{parts[1]}', which is not defined; expected one of "
            + string.Join(", ", groups.Select(g => g.Name)) + " or a numeric gid");
        return new Ownership(uid, group.Gid);
    }

    private List<FileSpec> Files(YamlNode node, List<UserSpec> users, List<GroupSpec> groups)
    {
        var files = new List<FileSpec>();
        foreach (var (item, key) in Items(node, "files"))
        {
            var entries = Entries(item, key, SpecKeys.File);
            foreach (var required in new[] { "source", "destination" })
            {
                if (!entries.ContainsKey(required))
                {
                    throw Error(item, $"{key}.{required}", $"{key}.{required} is missing; a file needs "
                        + "'source' and 'destination'");
                }
            }

            var source = Path.GetFullPath(NonEmpty(entries["source"], $"{key}.source"), _folder);
            var destination = AbsolutePath(entries["destination"], $"{key}.destination");
            var owner = entries.TryGetValue("owner", out var o)
                ? Owner(o, $"{key}.owner", Text(o, $"{key}.owner"), users, groups)
                : new Ownership(0, 0);
            int? mode = entries.TryGetValue("mode", out var m) ? Mode(m, $"{key}.mode") : null;
            files.Add(new FileSpec(source, destination, mode, owner));
        }

        return files;
    }

    private int Mode(YamlNode node, string key)
    {
        // Written as octal text; a plain 0755 is the text "0755" in the node tree, so both spellings work.
        var value = Text(node, key);
        var octal = value.Length is >= 3 and <= 4 && value.All(c => c is >= '0' and <= '7');
        return octal ? Convert.ToInt32(value, 8) : throw Error(node, key,
            $"{key} '{value}' is not a file mode; expected 3 or 4 octal digits, such as \"0755\"");
    }
}
