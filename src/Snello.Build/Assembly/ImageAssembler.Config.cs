using Snello.Oci.Digests;
using Snello.Oci.Images;
using Snello.Oci.Json;
using Snello.Oci.Model;
using Snello.Oci.Mutations;

namespace Snello.Build.Assembly;

/// <summary>The image config and manifest.</summary>
public static partial class ImageAssembler
{
    /// <summary>The <c>PATH</c> Debian's and distroless's images set.</summary>
    public const string DefaultPath = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    /// <summary>Where the CA bundle is; OpenSSL, Go and others read <c>SSL_CERT_FILE</c>.</summary>
    public const string CaBundlePath = "/etc/ssl/certs/ca-certificates.crt";

    private static string? ConfigUser(AssemblyPlan plan, Accounts accounts, IImage? baseImage) =>
        plan.RunAs is null && baseImage is not null
            ? baseImage.Config.Config?.User
            : accounts.ConfigUser(plan.RunAs ?? "nonroot");

    private static MemoryImage Compose(AssemblyPlan plan, IImage? baseImage, string? user,
        IReadOnlyList<(LayerGroup Group, CachedLayer Layer)> layers)
    {
        var inherited = baseImage?.Config.Config ?? new ContainerConfig();
        var env = new List<string>(inherited.Env ?? []);
        SetDefault(env, "PATH", DefaultPath);
        SetDefault(env, "SSL_CERT_FILE", CaBundlePath);
        foreach (var (name, value) in plan.Env.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            Set(env, name, value);
        }

        var labels = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in (inherited.Labels ?? new Dictionary<string, string>()).Concat(plan.Labels))
        {
            labels[name] = value;
        }

        var container = inherited with
        {
            User = user,
            Env = env,
            Entrypoint = plan.Entrypoint ?? inherited.Entrypoint,

            // As in a Dockerfile, a new entrypoint drops the inherited command.
            Cmd = plan.Cmd ?? (plan.Entrypoint is null ? inherited.Cmd : null),
            WorkingDir = plan.Workdir ?? inherited.WorkingDir,
            Labels = labels.Count > 0 ? labels : null,
        };

        var (architecture, variant) = OciPlatform(plan.Architecture);
        var history = new List<HistoryEntry>(baseImage?.Config.History ?? []);
        history.AddRange(layers.Select(l =>
            new HistoryEntry { Created = plan.Created, CreatedBy = l.Group.CreatedBy }));
        var config = new ImageConfig
        {
            Created = plan.Created,
            Architecture = architecture,
            Variant = variant,
            Os = "linux",
            Config = container,
            RootFs = new RootFs
            {
                DiffIds = (baseImage?.Config.RootFs.DiffIds ?? []).Concat(layers.Select(l => l.Layer.DiffId))
                    .ToList(),
            },
            History = history,
        };

        var rawConfig = OciJson.Serialize(config);
        var allLayers = (baseImage?.Layers ?? []).Concat(layers.Select(l => (ILayer)l.Layer)).ToList();
        var manifest = new ImageManifest
        {
            MediaType = MediaTypes.OciManifest,
            Config = new Descriptor
            {
                MediaType = MediaTypes.OciConfig,
                Digest = Digest.Compute(rawConfig),
                Size = rawConfig.Length,
            },
            Layers = allLayers.Select(l => l.Descriptor).ToList(),
            Annotations = plan.Annotations.Count > 0
                ? new SortedDictionary<string, string>(plan.Annotations.ToDictionary(), StringComparer.Ordinal)
                : null,
        };
        return new MemoryImage(manifest, rawConfig, allLayers);
    }

    /// <summary>Go's names for a Debian architecture, as image configs use them.</summary>
    private static (string Architecture, string? Variant) OciPlatform(string debian) => debian switch
    {
        "amd64" => ("amd64", null),
        "arm64" => ("arm64", "v8"),
        "armhf" => ("arm", "v7"),
        "armel" => ("arm", "v5"),
        "i386" => ("386", null),
        "ppc64el" => ("ppc64le", null),
        "mips64el" => ("mips64le", null),
        _ => (debian, null),
    };

    private static void SetDefault(List<string> env, string name, string value)
    {
        if (!env.Any(e => e.StartsWith(name + "=", StringComparison.Ordinal)))
        {
            env.Add($"{name}={value}");
        }
    }

    private static void Set(List<string> env, string name, string value)
    {
        var at = env.FindIndex(e => e.StartsWith(name + "=", StringComparison.Ordinal));
        if (at >= 0)
        {
            env[at] = $"{name}={value}";
        }
        else
        {
            env.Add($"{name}={value}");
        }
    }
}
