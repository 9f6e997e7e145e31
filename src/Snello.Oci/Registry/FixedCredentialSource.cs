namespace Snello.Oci.Registry;

/// <summary>One credential for every registry asked for (as <c>snello login</c> checks one), or none.</summary>
public sealed class FixedCredentialSource(RegistryCredential? credential) : ICredentialSource
{
    /// <inheritdoc />
    public Task<RegistryCredential?> GetAsync(string registry, CancellationToken cancellationToken = default) =>
        Task.FromResult(credential);
}
