using System.CommandLine;
using Microsoft.Extensions.Logging;
using Snello.Cli.Logging;
using Snello.Oci.Caching;
using Snello.Oci.Images;
using Snello.Oci.Model;
using Snello.Oci.Registry;
using Snello.Oci.Transports;

namespace Snello.Cli;

/// <summary>What one command invocation works with: output format, logger, cache, stdout and stderr.</summary>
internal sealed class CliContext
{
    private CliContext(OutputFormat format, ILogger logger, string cacheRoot, bool color,
        RegistryClientOptions registry)
    {
        Format = format;
        Logger = logger;
        CacheRoot = cacheRoot;
        Color = color;
        Registry = registry;
    }

    public OutputFormat Format { get; }

    public ILogger Logger { get; }

    public string CacheRoot { get; }

    public bool Color { get; }

    public TextWriter Out { get; } = Console.Out;

    public TextWriter Error { get; } = Console.Error;

    public BlobCache Cache => new(CacheRoot, Logger);

    /// <summary>How registries are spoken to; one instance per invocation, so clients and tokens are shared.</summary>
    public RegistryClientOptions Registry { get; }

    public TransportOptions Transports => new(Cache, Logger) { Registry = Registry };

    public static CliContext From(ParseResult parse)
    {
        var noColor = parse.GetValue(GlobalOptions.NoColor) ||
            !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR")) || Console.IsErrorRedirected;
        var level = parse.GetValue(GlobalOptions.LogLevelOption)
            ?? (parse.GetValue(GlobalOptions.Verbose) ? LogLevel.Debug : LogLevel.Warning);
        var cache = parse.GetValue(GlobalOptions.CacheDir) ?? BlobCache.DefaultRoot();
        var logger = new StderrLogger(level, !noColor);
        var registry = new RegistryClientOptions
        {
            Credentials = new DockerConfig(logger: logger),
            Insecure = parse.GetValue(GlobalOptions.Insecure),
            StallTimeout = StallTimeout(),
            Parallelism = Parallelism(),
            Logger = logger,
        };
        return new CliContext(parse.GetValue(GlobalOptions.Format), logger, Path.GetFullPath(cache), !noColor,
            registry);
    }

    /// <summary>SNELLO_REGISTRY_PARALLELISM: blobs transferred at once with a registry, 1 to 16 [4].</summary>
    private static int Parallelism()
    {
        var text = Environment.GetEnvironmentVariable("SNELLO_REGISTRY_PARALLELISM");
        if (string.IsNullOrEmpty(text))
        {
            return 4;
        }

        if (!int.TryParse(text, System.Globalization.NumberStyles.None,
                System.Globalization.CultureInfo.InvariantCulture, out var n) || n is < 1 or > 16)
        {
            throw new UsageException($"SNELLO_REGISTRY_PARALLELISM '{text}' is not a whole number from 1 to 16");
        }

        return n;
    }

    /// <summary>SNELLO_REGISTRY_TIMEOUT: seconds a registry may stay silent before an attempt fails [30].</summary>
    private static TimeSpan StallTimeout()
    {
        var text = Environment.GetEnvironmentVariable("SNELLO_REGISTRY_TIMEOUT");
        if (string.IsNullOrEmpty(text))
        {
            return TimeSpan.FromSeconds(30);
        }

        if (!double.TryParse(text, System.Globalization.NumberStyles.Float,
                System.Globalization.CultureInfo.InvariantCulture, out var seconds) || seconds <= 0 || seconds > 3600)
        {
            throw new UsageException($"SNELLO_REGISTRY_TIMEOUT '{text}' is not a number of seconds from 0 to 3600");
        }

        return TimeSpan.FromSeconds(seconds);
    }

    /// <summary>A note for the person at the terminal, on stderr.</summary>
    public void Note(string message) => Error.WriteLine(message);

    /// <summary>Parses a location given on the command line; a bad one is a usage error.</summary>
    public static ImageLocation ParseLocation(string text)
    {
        try
        {
            return ImageLocation.Parse(text);
        }
        catch (FormatException e)
        {
            throw new UsageException(e.Message);
        }
    }

    /// <summary>Parses --platform; a bad value is a usage error.</summary>
    public static Platform? ParsePlatform(string? text)
    {
        if (text is null)
        {
            return null;
        }

        try
        {
            return Platform.Parse(text);
        }
        catch (FormatException e)
        {
            throw new UsageException($"--platform: {e.Message}");
        }
    }

    /// <summary>Reads the artifact at a location as it is, image or index.</summary>
    public async Task<IManifestArtifact> ReadArtifactAsync(string location, CancellationToken cancellationToken)
    {
        var reader = ImageTransports.OpenReader(ParseLocation(location), Transports);
        await using (reader)
        {
            return await reader.ReadAsync(cancellationToken);
        }
    }

    /// <summary>Reads one image, picking the platform from an index (the host's unless one is given).</summary>
    public async Task<IImage> ReadImageAsync(string location, string? platform, CancellationToken cancellationToken)
    {
        var wanted = ParsePlatform(platform);
        var artifact = await ReadArtifactAsync(location, cancellationToken);
        return await PlatformSelector.SelectAsync(artifact, wanted, cancellationToken);
    }
}
