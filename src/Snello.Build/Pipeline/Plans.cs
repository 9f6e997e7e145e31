using Snello.Build.Assembly;
using Snello.Build.Specs;
using Snello.Oci.Images;

namespace Snello.Build.Pipeline;

/// <summary>Turns a spec and its fetched packages into the assembler's plan for one architecture.</summary>
internal static class Plans
{
    public static AssemblyPlan From(BuildSpec spec, IReadOnlyList<PackageInput> packages, string architecture,
        DateTimeOffset created, IImage? baseImage) => new()
    {
        Packages = packages,
        Users = spec.Users.Select(u => new UserEntry(u.Name, u.Uid, u.Gid, u.Home, u.Shell)).ToList(),
        Groups = spec.Groups.Select(g => new GroupEntry(g.Name, g.Gid, g.Members)).ToList(),
        RunAs = spec.RunAs,
        Files = Files(spec),
        Exclude = [.. BuildSpec.DefaultExclude, .. spec.Exclude],
        Keep = [.. BuildSpec.DefaultKeep, .. spec.Keep],
        Layers = spec.Layers,
        Entrypoint = spec.Entrypoint,
        Cmd = spec.Cmd,
        Env = spec.Env,
        Workdir = spec.Workdir,
        Labels = spec.Labels,
        Annotations = spec.Annotations,
        Created = created,
        Architecture = architecture,
        Codename = spec.Distribution?.Suite,
        Base = baseImage,
    };

    /// <summary>The spec's files with their sources made absolute against the spec's folder.</summary>
    public static IReadOnlyList<FileInput> Files(BuildSpec spec) => spec.Files
        .Select(f => new FileInput(Path.GetFullPath(Path.Combine(spec.Directory, f.Source)), f.Destination, f.Mode,
            f.Owner.Uid, f.Owner.Gid))
        .ToList();
}
