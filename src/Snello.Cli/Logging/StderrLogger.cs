using Microsoft.Extensions.Logging;

namespace Snello.Cli.Logging;

/// <summary>Writes library log records to stderr, one line each, at or above a level.</summary>
internal sealed class StderrLogger(LogLevel minimum, bool color) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= minimum && logLevel != LogLevel.None;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
        Func<TState, Exception?, string> formatter)
    {
        if (!IsEnabled(logLevel))
        {
            return;
        }

        var label = logLevel switch
        {
            LogLevel.Trace => "trace",
            LogLevel.Debug => "debug",
            LogLevel.Information => "info",
            LogLevel.Warning => "warning",
            _ => "error",
        };
        var line = $"{label}: {formatter(state, exception)}";
        Console.Error.WriteLine(color ? $"\u001b[2m{line}\u001b[0m" : line);
    }
}
