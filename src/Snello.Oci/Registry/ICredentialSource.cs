namespace Snello.Oci.Registry;

/// <summary>Where a registry client looks up the credentials for a registry.</summary>
public interface ICredentialSource
{
    /// <summary>The credential for a registry, or null to go anonymous.</summary>
    /// <param name="registry">The registry as in a reference: <c>docker.io</c>, <c>127.0.0.1:5000</c>.</param>
    /// <param name="cancellationToken">Cancels a credential helper.</param>
    /// <exception cref="CredentialHelperException">A configured credential helper failed.</exception>
    Task<RegistryCredential?> GetAsync(string registry, CancellationToken cancellationToken = default);
}
