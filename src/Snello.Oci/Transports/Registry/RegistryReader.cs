using Snello.Oci.Images;
using Snello.Oci.Model;

namespace Snello.Oci.Transports.Registry;

/// <summary>
/// Reads <c>docker://REF</c> (or a bare reference) from a registry: the manifest by digest when the reference
/// has one, else by tag; config and layers through the blob cache.
/// </summary>
public sealed class RegistryReader : IImageReader
{
    private readonly TransportOptions _options;

    /// <summary>Creates the reader; nothing is sent until <see cref="ReadAsync"/>.</summary>
    /// <exception cref="ArgumentException">The location has no image reference.</exception>
    public RegistryReader(ImageLocation location, TransportOptions options)
    {
        ArgumentNullException.ThrowIfNull(location);
        ArgumentNullException.ThrowIfNull(options);
        if (location.Reference is null)
        {
            throw new ArgumentException($"location '{location}' has no image reference", nameof(location));
        }

        Location = location;
        _options = options;
    }

    /// <inheritdoc />
    public ImageLocation Location { get; }

    /// <inheritdoc />
    /// <exception cref="global::Snello.Oci.Registry.RegistryNotFoundException">No such manifest.</exception>
    /// <exception cref="global::Snello.Oci.Registry.RegistryAuthenticationException">Access refused.</exception>
    /// <exception cref="global::Snello.Oci.Registry.RegistryUnreachableException">Unreachable.</exception>
    public async Task<IManifestArtifact> ReadAsync(CancellationToken cancellationToken = default)
    {
        var reference = Location.Reference!;
        var client = RegistryClientPool.Get(reference.Registry, _options);
        var manifest = await client.GetManifestAsync(reference.Repository, reference.Identifier, cancellationToken)
            .ConfigureAwait(false);
        var source = new RegistryBlobSource(client, reference.Repository, _options.Cache, _options.Logger);

        // Some registries label manifests application/json; then the document's own mediaType decides.
        var declared = MediaTypes.IsIndex(manifest.MediaType) || MediaTypes.IsManifest(manifest.MediaType)
            ? manifest.MediaType
            : null;
        source.Remember(manifest.Bytes, declared);
        return await ManifestLoader.LoadAsync(manifest.Bytes, declared, source, cancellationToken)
            .ConfigureAwait(false);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
