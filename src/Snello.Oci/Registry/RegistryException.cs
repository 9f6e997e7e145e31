using System.Net;

namespace Snello.Oci.Registry;

/// <summary>
/// A registry answered in a way that stops the operation: an error status with the distribution spec's error
/// body, or a reply that breaks the protocol. The CLI maps this to exit code 3; the subclasses for
/// unreachable registries and refused credentials map to 5.
/// </summary>
public class RegistryException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="registry">The registry, as in a reference: <c>docker.io</c>, <c>127.0.0.1:5000</c>.</param>
    /// <param name="message">What failed, naming the request and the answer.</param>
    /// <param name="statusCode">The HTTP status, if there was an answer.</param>
    /// <param name="innerException">The failure underneath, if any.</param>
    public RegistryException(string registry, string message, HttpStatusCode? statusCode = null,
        Exception? innerException = null)
        : base(message, innerException)
    {
        Registry = registry;
        StatusCode = statusCode;
    }

    /// <summary>The registry that failed.</summary>
    public string Registry { get; }

    /// <summary>The HTTP status of the answer, or null when there was none.</summary>
    public HttpStatusCode? StatusCode { get; }
}
