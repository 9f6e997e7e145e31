using System.CommandLine;
using Microsoft.Extensions.Logging;

namespace Snello.Cli;

/// <summary>Options every command accepts, before or after its name.</summary>
internal static class GlobalOptions
{
    public static readonly Option<string?> CacheDir = new("--cache-dir")
    {
        Description = "Blob cache and databases folder [default: $XDG_CACHE_HOME/snello or ~/.cache/snello]",
        HelpName = "DIR",
        Recursive = true,
    };

    public static readonly Option<OutputFormat> Format = new("--format")
    {
        Description = "Output format: table or json (sarif for commands that report findings)",
        DefaultValueFactory = _ => OutputFormat.Table,
        Recursive = true,
    };

    public static readonly Option<bool> Verbose = new("--verbose", "-v")
    {
        Description = "Log what the libraries do (same as --log-level debug)",
        Recursive = true,
    };

    public static readonly Option<LogLevel?> LogLevelOption = new("--log-level")
    {
        Description = "Log level on stderr: trace, debug, information, warning, error, none [default: warning]",
        HelpName = "LEVEL",
        Recursive = true,
    };

    public static readonly Option<bool> NoColor = new("--no-color")
    {
        Description = "No colours on stderr (NO_COLOR in the environment does the same)",
        Recursive = true,
    };

    public static readonly Option<bool> Insecure = new("--insecure")
    {
        Description = "Speak plain http to every registry (localhost and 127.0.0.0/8 get http without it)",
        Recursive = true,
    };

    public static IEnumerable<Option> All => [CacheDir, Format, Verbose, LogLevelOption, NoColor, Insecure];
}
