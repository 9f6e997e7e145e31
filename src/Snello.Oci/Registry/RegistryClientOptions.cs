using Microsoft.Extensions.Logging;

namespace Snello.Oci.Registry;

/// <summary>How a <see cref="RegistryClient"/> connects, authenticates, retries and transfers.</summary>
public sealed record RegistryClientOptions
{
    /// <summary>Where credentials come from; null means anonymous only.</summary>
    public ICredentialSource? Credentials { get; init; }

    /// <summary>
    /// Use plain http for every registry (as <c>--insecure</c> does). Without it, http is used only for
    /// localhost, 127.0.0.0/8 and ::1, and only when no CA folder is configured for them.
    /// </summary>
    public bool Insecure { get; init; }

    /// <summary>Attempts and waits for 5xx, 429 and cut connections.</summary>
    public RetryPolicy Retry { get; init; } = RetryPolicy.Default;

    /// <summary>
    /// How long a request may wait for the answer's headers, or a transfer for its next bytes, before the
    /// attempt counts as failed.
    /// </summary>
    public TimeSpan StallTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How many blobs are transferred at once.</summary>
    public int Parallelism { get; init; } = 4;

    /// <summary>Blobs larger than this are uploaded in chunks of <see cref="ChunkSize"/>.</summary>
    public long ChunkedUploadThreshold { get; init; } = 512L << 20;

    /// <summary>The chunk size of chunked uploads.</summary>
    public int ChunkSize { get; init; } = 64 << 20;

    /// <summary>
    /// Folders holding per-registry CA folders (<c>ROOT/HOST[:PORT]/*.crt</c>), searched in order; null means
    /// <see cref="RegistryHosts.DefaultCertificateRoots"/>.
    /// </summary>
    public IReadOnlyList<string>? CertificateRoots { get; init; }

    /// <summary>Where protocol steps are logged; null for silence.</summary>
    public ILogger? Logger { get; init; }
}
