namespace Snello.Cli;

/// <summary>The exit codes of every command, as the README lists them.</summary>
internal static class ExitCodes
{
    /// <summary>The command did what was asked.</summary>
    public const int Success = 0;

    /// <summary>Findings at or above the <c>--fail-on</c> threshold.</summary>
    public const int Findings = 1;

    /// <summary>
    /// The command line is wrong: an unknown option, a malformed value, a transport that cannot do this.
    /// </summary>
    public const int Usage = 2;

    /// <summary>The input cannot be used: unreadable image, parse error, digest mismatch, a limit exceeded.</summary>
    public const int InputUnusable = 3;

    /// <summary>The vulnerability database is missing or stale.</summary>
    public const int DatabaseUnavailable = 4;

    /// <summary>A needed component (registry, engine) cannot be reached.</summary>
    public const int ComponentUnreachable = 5;

    /// <summary>A bug in snello: an unexpected exception.</summary>
    public const int InternalError = 70;

    /// <summary>Interrupted by the user (Ctrl-C), as shells report SIGINT.</summary>
    public const int Interrupted = 130;
}
