namespace Snello.Build.Pipeline;

/// <summary>A build was told to use its lock file as it is, but the lock was made for another spec.</summary>
public sealed class LockOutOfDateException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="lockPath">The lock file.</param>
    /// <param name="specPath">The spec it does not match.</param>
    /// <param name="detail">What differs.</param>
    public LockOutOfDateException(string lockPath, string specPath, string detail)
        : base($"lock file '{lockPath}' does not match '{specPath}': {detail}; refresh it with " +
            $"'snello lock {specPath}'")
    {
        LockPath = lockPath;
        SpecPath = specPath;
    }

    /// <summary>The lock file.</summary>
    public string LockPath { get; }

    /// <summary>The spec.</summary>
    public string SpecPath { get; }
}
