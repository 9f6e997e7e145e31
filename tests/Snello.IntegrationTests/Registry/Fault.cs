namespace Snello.IntegrationTests.Registry;

/// <summary>What the <see cref="FaultProxy"/> does to one request whose request line contains a text.</summary>
/// <param name="Match">Text the request line must contain, such as <c>GET /v2/app/blobs/</c>.</param>
/// <param name="Status">Answer this status instead of forwarding (0: forward).</param>
/// <param name="RetryAfter">A <c>Retry-After</c> value to send with the status.</param>
/// <param name="CutAfterBodyBytes">Forward, but close the connection after this many body bytes (-1: do not).</param>
/// <param name="Stall">Forward the headers, then send nothing more and keep the connection open.</param>
public sealed record Fault(string Match, int Status = 0, string? RetryAfter = null, long CutAfterBodyBytes = -1,
    bool Stall = false);
