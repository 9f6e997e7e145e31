using System.CommandLine;
using System.Globalization;
using Snello.Build.Pipeline;

namespace Snello.Cli.Commands;

/// <summary>The options build, lock and debug-image share, and the pipeline options they give.</summary>
internal static class BuildOptionsForCli
{
    public static Option<string?> Output() => new("--output", "-o")
    {
        Description = "Where to write the image: oci:DIR[:TAG], oci-archive:FILE, docker-archive:FILE[:REF], " +
            "docker-daemon:REF or a registry reference",
        HelpName = "TRANSPORT:REF",
    };

    public static Option<string?> Mirror() => new("--mirror")
    {
        Description = "The Debian mirror, such as http://HOST/debian [default: the spec's, else the host's apt " +
            "sources]",
        HelpName = "URI",
    };

    public static BuildOptions From(ParseResult parse, Option<string?> mirror, CliContext context)
    {
        Uri? mirrorUri = null;
        if (parse.GetValue(mirror) is { } text)
        {
            if (!Uri.TryCreate(text, UriKind.Absolute, out mirrorUri) || mirrorUri.Scheme is not ("http" or "https"))
            {
                throw new UsageException($"--mirror '{text}' is not an http or https URI such as http://HOST/debian");
            }
        }

        return new BuildOptions
        {
            Mirror = mirrorUri,
            SourceDateEpoch = SourceDateEpoch(),
            OpenBase = (location, architecture, ct) =>
                context.ReadImageAsync(location, DebianPlatforms.ToOci(architecture).ToString(), ct),
        };
    }

    /// <summary>SOURCE_DATE_EPOCH (reproducible-builds.org: seconds since the epoch), or null when unset.</summary>
    public static DateTimeOffset? SourceDateEpoch()
    {
        var text = Environment.GetEnvironmentVariable("SOURCE_DATE_EPOCH");
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            throw new UsageException($"SOURCE_DATE_EPOCH '{text}' is not a number of seconds since 1970-01-01");
        }

        return DateTimeOffset.FromUnixTimeSeconds(seconds);
    }

    public static HttpClient Http() => new() { Timeout = TimeSpan.FromMinutes(10) };
}
