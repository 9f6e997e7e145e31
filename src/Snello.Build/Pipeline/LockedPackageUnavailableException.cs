using Snello.Debian.Archive;

namespace Snello.Build.Pipeline;

/// <summary>A package the lock file pins is no longer in the archive.</summary>
public sealed class LockedPackageUnavailableException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="specPath">The spec whose lock pins the package.</param>
    /// <param name="inner">The archive's answer.</param>
    public LockedPackageUnavailableException(string specPath, PinnedPackageMissingException inner)
        : base($"{inner?.Message}; the lock file pins a file the archive no longer holds: refresh it with " +
            $"'snello lock {specPath}'", inner)
    {
        SpecPath = specPath;
    }

    /// <summary>The spec.</summary>
    public string SpecPath { get; }
}
