using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using Snello.Oci.Digests;
using Snello.Oci.Model;

namespace Snello.Oci.Registry;

public sealed partial class RegistryClient
{
    // Distribution spec, "Pulling manifests": registries answer with a type from Accept; distribution 2.8 gives
    // 404 for an OCI manifest when its type is not listed, so every type Snello reads is.
    private static readonly string[] ManifestTypes =
        [MediaTypes.OciIndex, MediaTypes.OciManifest, MediaTypes.DockerManifestList, MediaTypes.DockerManifest];

    // Distribution spec: registries should accept manifests of at least 4 MiB; larger ones are refused here.
    private const int MaxManifestSize = 4 << 20;

    /// <summary>
    /// Fetches a manifest or index by tag or digest. The bytes are checked against the digest when one was
    /// asked for, and against <c>Docker-Content-Digest</c> when the registry sends it.
    /// </summary>
    /// <param name="repository">The repository: <c>library/debian</c>.</param>
    /// <param name="reference">A tag or a digest.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <exception cref="RegistryNotFoundException">No such repository or manifest.</exception>
    /// <exception cref="RegistryAuthenticationException">Access refused.</exception>
    /// <exception cref="RegistryUnreachableException">The registry cannot be reached or keeps failing.</exception>
    /// <exception cref="DigestMismatchException">The bytes do not have the digest asked for or announced.</exception>
    public async Task<RegistryManifest> GetManifestAsync(string repository, string reference,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(repository);
        ArgumentException.ThrowIfNullOrEmpty(reference);
        var uri = Api(repository, "manifests/" + reference);
        var what = $"GET {uri}";
        using var response = await SendAsync((_, _) =>
        {
            var request = new HttpRequestMessage(HttpMethod.Get, uri);
            foreach (var type in ManifestTypes)
            {
                request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(type));
            }

            return Task.FromResult(request);
        }, PullScope(repository), what, true, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            await ThrowForStatusAsync(response, $"manifest '{repository}:{reference}'", cancellationToken)
                .ConfigureAwait(false);
        }

        var bytes = await ReadBodyAsync(response, MaxManifestSize, what, cancellationToken).ConfigureAwait(false);
        var digest = Digest.Compute(bytes);
        if (Digest.TryParse(reference, out var asked) && CheckDigest(asked, bytes) is { } wrong)
        {
            throw new DigestMismatchException($"manifest of '{Registry}/{repository}'", asked, wrong);
        }

        if (response.Headers.TryGetValues("Docker-Content-Digest", out var announcedValues) &&
            Digest.TryParse(announcedValues.First(), out var announced) && CheckDigest(announced, bytes) is { } bad)
        {
            throw new DigestMismatchException($"manifest '{repository}:{reference}' of '{Registry}' announced as",
                announced, bad);
        }

        var mediaType = response.Content.Headers.ContentType?.MediaType ?? "";
        _logger.LogDebug("registry {Registry}: manifest {Repository}:{Reference} is {Digest} ({Type}, {Size} bytes)",
            Registry, repository, reference, digest, mediaType, bytes.Length);
        return new RegistryManifest(bytes, mediaType, digest);
    }

    /// <summary>
    /// Stores a manifest or index under a tag or its digest. The blobs and child manifests it names must be
    /// in the repository already. Returns the digest the registry reports (the bytes' own digest).
    /// </summary>
    /// <exception cref="RegistryException">The registry refused the manifest; the message has its codes.</exception>
    /// <exception cref="RegistryAuthenticationException">Push access refused.</exception>
    /// <exception cref="RegistryUnreachableException">The registry cannot be reached or keeps failing.</exception>
    public async Task<Digest> PutManifestAsync(string repository, string reference, string mediaType,
        ReadOnlyMemory<byte> manifest, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(repository);
        ArgumentException.ThrowIfNullOrEmpty(reference);
        ArgumentException.ThrowIfNullOrEmpty(mediaType);
        var uri = Api(repository, "manifests/" + reference);
        var digest = Digest.Compute(manifest.Span);
        using var response = await SendAsync((_, _) =>
        {
            var content = new ReadOnlyMemoryContent(manifest);
            content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
            return Task.FromResult(new HttpRequestMessage(HttpMethod.Put, uri) { Content = content });
        }, PushScope(repository), $"PUT {uri}", true, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode is not (HttpStatusCode.Created or HttpStatusCode.OK or HttpStatusCode.Accepted))
        {
            await ThrowForStatusAsync(response, $"pushing manifest '{repository}:{reference}' ({digest})",
                cancellationToken).ConfigureAwait(false);
        }

        if (response.Headers.TryGetValues("Docker-Content-Digest", out var values) &&
            Digest.TryParse(values.First(), out var stored) && stored.Algorithm == digest.Algorithm && stored != digest)
        {
            throw new RegistryException(Registry, $"registry '{Registry}' stored manifest '{repository}:{reference}' " +
                $"as '{stored}', expected '{digest}' (it rewrote the manifest)");
        }

        _logger.LogDebug("registry {Registry}: pushed manifest {Repository}:{Reference} ({Digest})", Registry,
            repository, reference, digest);
        return digest;
    }

    private static Digest? CheckDigest(Digest expected, byte[] bytes)
    {
        var actual = Digest.Compute(bytes, expected.Algorithm);
        return actual == expected ? null : actual;
    }
}
