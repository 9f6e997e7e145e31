namespace Snello.Oci.Registry;

/// <summary>
/// A registry or its token server refused the credentials, or the lack of them (401, 403). The CLI maps this
/// to exit code 5 with the code <c>unauthorized</c>.
/// </summary>
public sealed class RegistryAuthenticationException : RegistryException
{
    /// <summary>Creates the exception.</summary>
    public RegistryAuthenticationException(string registry, string message,
        System.Net.HttpStatusCode? statusCode = null, Exception? innerException = null)
        : base(registry, message, statusCode, innerException)
    {
    }
}
