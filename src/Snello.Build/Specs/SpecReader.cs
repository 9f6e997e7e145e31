using Snello.Build.Assembly;
using Snello.Build.Paths;
using Snello.Debian.Control;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Snello.Build.Specs;

/// <summary>
/// Maps the YAML node tree of a snello.yaml onto <see cref="BuildSpec"/> by hand. The node tree (rather than
/// YamlDotNet's object deserializer) keeps Native AOT free of reflection, gives every error its line and
/// column, and lets unknown keys fail instead of being skipped.
/// </summary>
internal sealed partial class SpecReader(string file, string text, string digest, string? hostArchitecture)
{
    private static readonly string[] Suites = ["bookworm", "trixie"];
    private static readonly string[] DebianComponents = ["main", "contrib", "non-free", "non-free-firmware"];

    // Debian's release architectures for bookworm and trixie (riscv64 is trixie's); OCI names differ and the
    // build maps them.
    private static readonly string[] KnownArchitectures =
        ["amd64", "arm64", "armel", "armhf", "i386", "mips64el", "ppc64el", "riscv64", "s390x"];

    private static readonly Dictionary<string, LayerStrategy> LayerNames = new(StringComparer.Ordinal)
    {
        ["single"] = LayerStrategy.SingleLayer,
        ["packages-and-app"] = LayerStrategy.PackagesAndApp,
        ["per-package"] = LayerStrategy.PerPackage,
    };

    private readonly string _file = file;
    private readonly string _folder = Path.GetDirectoryName(Path.GetFullPath(file)) ?? "/";

    public BuildSpec Read()
    {
        var root = Document();
        var top = Entries(root, "", SpecKeys.Document);
        var baseImage = top.TryGetValue("base", out var b) ? NonEmpty(b, "base") : null;
        DistributionSpec? distribution = null;
        if (top.TryGetValue("distribution", out var d))
        {
            distribution = Distribution(d);
        }
        else if (baseImage is null)
        {
            throw Error(root, "distribution",
                "distribution is missing; expected a mapping with 'suite: bookworm' or 'suite: trixie'"
                + " (only a spec with a 'base' image may leave it out)");
        }

        var users = Users(top);
        var groups = Groups(top, users);
        var runAs = top.TryGetValue("run-as", out var r) ? NonEmpty(r, "run-as") : "nonroot";
        return new BuildSpec
        {
            Path = Path.GetFullPath(_file),
            Digest = digest,
            Distribution = distribution,
            Base = baseImage,
            Architectures = top.TryGetValue("architectures", out var a)
                ? Architectures(a)
                : [hostArchitecture ?? BuildSpec.HostArchitecture()],
            Packages = top.TryGetValue("packages", out var p) ? Packages(p) : [],
            Exclude = top.TryGetValue("exclude", out var e) ? Globs(e, "exclude") : [],
            Keep = top.TryGetValue("keep", out var k) ? Globs(k, "keep") : [],
            Users = users,
            Groups = groups,
            RunAs = runAs,
            RunAsOwner = Owner(r ?? root, "run-as", runAs, users, groups),
            Files = top.TryGetValue("files", out var f) ? Files(f, users, groups) : [],
            Entrypoint = top.TryGetValue("entrypoint", out var ep) ? TextList(ep, "entrypoint") : null,
            Cmd = top.TryGetValue("cmd", out var c) ? TextList(c, "cmd") : null,
            Env = top.TryGetValue("env", out var env) ? Environment(env) : Empty(),
            Workdir = top.TryGetValue("workdir", out var w) ? AbsolutePath(w, "workdir") : null,
            Labels = top.TryGetValue("labels", out var l) ? TextMap(l, "labels") : Empty(),
            Annotations = top.TryGetValue("annotations", out var an) ? TextMap(an, "annotations") : Empty(),
            Layers = top.TryGetValue("layers", out var layers) ? Layers(layers) : LayerStrategy.PackagesAndApp,
            Debug = top.TryGetValue("debug", out var dbg) && Boolean(dbg, "debug"),
            Closure = !top.TryGetValue("closure", out var cl) || Boolean(cl, "closure"),
        };
    }

    private static SortedDictionary<string, string> Empty() => new(StringComparer.Ordinal);

    private YamlNode Document()
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            // YamlDotNet's message repeats the position; keep only its explanation.
            var detail = e.InnerException?.Message ?? e.Message;
            var at = detail.IndexOf("): ", StringComparison.Ordinal);
            detail = at >= 0 && detail.StartsWith('(') ? detail[(at + 3)..] : detail;
            const string Duplicate = "Duplicate key ";
            detail = detail.StartsWith(Duplicate, StringComparison.Ordinal)
                ? $"key '{detail[Duplicate.Length..].Trim().TrimEnd('.')}' appears twice"
                : $"not valid YAML: {detail}";
            throw new SpecException(_file, (int)e.Start.Line, (int)e.Start.Column, "", detail, e);
        }
        catch (InvalidOperationException e)
        {
            // YamlDotNet 18.1 throws this, without a position, when the text ends inside a flow collection.
            var lines = text.Split('\n');
            var last = lines.Length > 1 && lines[^1].Length == 0 ? lines.Length - 1 : lines.Length;
            throw new SpecException(_file, last, lines[last - 1].Length + 1, "",
                "not valid YAML: the text ends inside a '[...]' list, a '{...}' mapping or a quoted value; "
                + "expected its closing bracket or quote", e);
        }

        return stream.Documents.Count switch
        {
            0 => throw new SpecException(_file, 0, 0, "", "the file is empty; expected a mapping with at least "
                + "'distribution' and 'packages'"),
            1 => stream.Documents[0].RootNode,
            _ => throw new SpecException(_file, (int)stream.Documents[1].RootNode.Start.Line,
                (int)stream.Documents[1].RootNode.Start.Column, "",
                "the file holds several YAML documents; expected one"),
        };
    }

    private DistributionSpec Distribution(YamlNode node)
    {
        var entries = Entries(node, "distribution", SpecKeys.Distribution);
        if (!entries.TryGetValue("suite", out var s))
        {
            throw Error(node, "distribution.suite", "distribution.suite is missing; expected bookworm or trixie");
        }

        var suite = Text(s, "distribution.suite");
        if (!Suites.Contains(suite, StringComparer.Ordinal))
        {
            throw Error(s, "distribution.suite",
                $"distribution.suite '{suite}' is not supported; expected bookworm or trixie");
        }

        var components = entries.TryGetValue("components", out var c)
            ? Components(c, "distribution.components", debianOnly: true)
            : ["main"];
        var repositories = entries.TryGetValue("repositories", out var r)
            ? [.. Items(r, "distribution.repositories").Select(i => Repository(i.Node, i.Key))]
            : new List<RepositorySpec>();
        return new DistributionSpec(
            suite,
            components,
            !entries.TryGetValue("security", out var sec) || Boolean(sec, "distribution.security"),
            entries.TryGetValue("mirror", out var m) ? RepositoryUri(m, "distribution.mirror") : null,
            repositories);
    }

    private RepositorySpec Repository(YamlNode node, string key)
    {
        var entries = Entries(node, key, SpecKeys.Repository);
        foreach (var required in new[] { "uri", "suite", "keyring" })
        {
            if (!entries.ContainsKey(required))
            {
                throw Error(node, $"{key}.{required}", $"{key}.{required} is missing; a repository needs "
                    + "'uri', 'suite' and 'keyring'");
            }
        }

        var suite = NonEmpty(entries["suite"], $"{key}.suite");
        if (suite.Any(char.IsWhiteSpace))
        {
            throw Error(entries["suite"], $"{key}.suite", $"{key}.suite '{suite}' must be one word, such as stable");
        }

        return new RepositorySpec(
            RepositoryUri(entries["uri"], $"{key}.uri"),
            suite,
            entries.TryGetValue("components", out var c) ? Components(c, $"{key}.components", false) : ["main"],
            Path.GetFullPath(NonEmpty(entries["keyring"], $"{key}.keyring"), _folder));
    }

    private Uri RepositoryUri(YamlNode node, string key)
    {
        var value = Text(node, key);
        var ok = Uri.TryCreate(value, UriKind.Absolute, out var uri)
            && uri.Scheme is "http" or "https" or "file";
        return ok ? uri! : throw Error(node, key,
            $"{key} '{value}' is not a repository URI; expected an absolute http://, https:// or file:// URI");
    }

    private List<string> Components(YamlNode node, string key, bool debianOnly)
    {
        var components = new List<string>();
        foreach (var (item, itemKey) in Items(node, key))
        {
            var name = Text(item, itemKey);
            var valid = debianOnly
                ? DebianComponents.Contains(name, StringComparer.Ordinal)
                : name.Length > 0 && name.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_' or '/' or '.');
            if (!valid)
            {
                throw Error(item, itemKey, debianOnly
                    ? $"{itemKey} '{name}' is not a Debian component; expected one of "
                        + string.Join(", ", DebianComponents)
                    : $"{itemKey} '{name}' is not a component name; expected letters, digits, '-', '_', '.' or '/'");
            }

            if (components.Contains(name))
            {
                throw Error(item, itemKey, $"{itemKey} '{name}' is listed twice");
            }

            components.Add(name);
        }

        return components.Count > 0 ? components : throw Error(node, key, $"{key} must name at least one component");
    }

    private List<string> Architectures(YamlNode node)
    {
        var architectures = new List<string>();
        foreach (var (item, key) in Items(node, "architectures"))
        {
            var name = Text(item, key);
            if (!KnownArchitectures.Contains(name, StringComparer.Ordinal))
            {
                throw Error(item, key, $"{key} '{name}' is not a Debian architecture; expected one of "
                    + string.Join(", ", KnownArchitectures));
            }

            if (architectures.Contains(name))
            {
                throw Error(item, key, $"{key} '{name}' is listed twice");
            }

            architectures.Add(name);
        }

        return architectures.Count > 0
            ? architectures
            : throw Error(node, "architectures", "architectures must name at least one, such as [amd64]");
    }

    private List<SpecPackage> Packages(YamlNode node)
    {
        var packages = new List<SpecPackage>();
        foreach (var (item, key) in Items(node, "packages"))
        {
            var value = Text(item, key);
            if (value.Contains('|', StringComparison.Ordinal))
            {
                throw Error(item, key, $"{key} '{value}' is not a package request; expected NAME or "
                    + "'NAME (OP VERSION)' without architecture qualifiers, lists or alternatives");
            }

            Relation relation;
            try
            {
                relation = RelationParser.ParseRelation(value);
            }
            catch (RelationFormatException e)
            {
                throw Error(item, key, $"{key} '{value}' is not a package: {e.Message}; expected NAME or "
                    + "'NAME (OP VERSION)', such as 'libc6 (>= 2.36)'");
            }

            if (relation.ArchitectureQualifier is not null || relation.Architectures.Count > 0
                || relation.Profiles.Count > 0)
            {
                throw Error(item, key, $"{key} '{value}' is not a package request; expected NAME or "
                    + "'NAME (OP VERSION)' without architecture qualifiers, lists or alternatives");
            }

            if (packages.Any(x => x.Name == relation.Name))
            {
                throw Error(item, key, $"{key} '{relation.Name}' is listed twice");
            }

            packages.Add(new SpecPackage(relation.Name, relation.Constraint));
        }

        return packages;
    }

    private List<string> Globs(YamlNode node, string key)
    {
        var globs = new List<string>();
        foreach (var (item, itemKey) in Items(node, key))
        {
            var value = Text(item, itemKey);
            try
            {
                _ = GlobPattern.Parse(value);
            }
            catch (FormatException e)
            {
                throw Error(item, itemKey, $"{itemKey} '{value}' is not a path glob: {e.Message}");
            }

            globs.Add(value);
        }

        return globs;
    }

    private SortedDictionary<string, string> Environment(YamlNode node)
    {
        var env = TextMap(node, "env");
        foreach (var name in env.Keys)
        {
            if (name.Length == 0 || name.Contains('=', StringComparison.Ordinal) || name.Any(char.IsWhiteSpace))
            {
                var at = ((YamlMappingNode)node).Children.Keys.First(k => ((YamlScalarNode)k).Value == name);
                throw Error(at, $"env.{name}", $"env name '{name}' is not a variable name; expected a "
                    + "non-empty name without '=' or spaces, such as LANG");
            }
        }

        return env;
    }

    private string AbsolutePath(YamlNode node, string key)
    {
        var value = Text(node, key);
        var segments = value.Split('/');
        return value.StartsWith('/') && !segments.Contains("..") && !value.Contains('\0', StringComparison.Ordinal)
            ? value
            : throw Error(node, key, $"{key} '{value}' is not an absolute image path; expected a path that "
                + "starts with '/' and has no '..', such as /app");
    }

    private LayerStrategy Layers(YamlNode node)
    {
        var value = Text(node, "layers");
        return LayerNames.TryGetValue(value, out var strategy)
            ? strategy
            : throw Error(node, "layers", $"layers '{value}' is not a layering; expected single, "
                + "packages-and-app or per-package");
    }
}
