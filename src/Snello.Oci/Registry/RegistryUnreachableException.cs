namespace Snello.Oci.Registry;

/// <summary>
/// A registry (or its token server) cannot be used: the connection is refused, the name does not resolve, TLS
/// fails, the server stalls, or it kept answering 5xx or 429 until the retries ran out. The CLI maps this to
/// exit code 5 with the code <c>registry-unreachable</c>.
/// </summary>
public sealed class RegistryUnreachableException : RegistryException
{
    /// <summary>Creates the exception.</summary>
    public RegistryUnreachableException(string registry, string message, System.Net.HttpStatusCode? statusCode = null,
        Exception? innerException = null)
        : base(registry, message, statusCode, innerException)
    {
    }
}
