using Snello.Oci.Images;

namespace Snello.Build.Pipeline;

/// <summary>How one <c>snello build</c> or <c>snello lock</c> runs, beyond what the spec says.</summary>
public sealed record BuildOptions
{
    /// <summary>The Debian mirror to use instead of the spec's or the host's apt sources; null for those.</summary>
    public Uri? Mirror { get; init; }

    /// <summary>Adds the busybox toolbox layer, as the spec's <c>debug: true</c> does.</summary>
    public bool Debug { get; init; }

    /// <summary>
    /// Fails with <see cref="LockOutOfDateException"/> instead of resolving again when the lock file was made
    /// for another version of the spec.
    /// </summary>
    public bool Locked { get; init; }

    /// <summary>Resolves against the archive even when a matching lock file is given (<c>snello lock</c>).</summary>
    public bool Refresh { get; init; }

    /// <summary>The time signatures, keys and Valid-Until are checked against.</summary>
    public DateTimeOffset Now { get; init; } = DateTimeOffset.UtcNow;

    /// <summary>
    /// The one timestamp of every file and of the image config (<c>SOURCE_DATE_EPOCH</c>); null for the date
    /// of the newest index the packages came from.
    /// </summary>
    public DateTimeOffset? SourceDateEpoch { get; init; }

    /// <summary>The root under which the host's apt configuration is read (tests point it elsewhere).</summary>
    public string AptRoot { get; init; } = "/";

    /// <summary>Opens the spec's <c>base</c> image for one architecture; required when the spec names one.</summary>
    public Func<string, string, CancellationToken, Task<IImage>>? OpenBase { get; init; }
}
