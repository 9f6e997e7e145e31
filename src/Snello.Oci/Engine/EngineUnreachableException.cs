namespace Snello.Oci.Engine;

/// <summary>
/// The Docker engine cannot be reached: its socket is missing, the connection was refused or cut, or it did not
/// answer like an engine. The message names the host and where its value came from.
/// </summary>
public sealed class EngineUnreachableException : Exception
{
    /// <summary>Creates the exception for <paramref name="host"/>.</summary>
    public EngineUnreachableException(DockerHost host, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        ArgumentNullException.ThrowIfNull(host);
        Host = host;
    }

    /// <summary>The engine that could not be reached.</summary>
    public DockerHost Host { get; }
}
