namespace Snello.Oci.Registry;

/// <summary>
/// A registry has no such repository, manifest or blob (404). The CLI maps this to exit code 3 with the code
/// <c>not-found</c>.
/// </summary>
public sealed class RegistryNotFoundException : RegistryException
{
    /// <summary>Creates the exception.</summary>
    public RegistryNotFoundException(string registry, string message)
        : base(registry, message, System.Net.HttpStatusCode.NotFound)
    {
    }
}
