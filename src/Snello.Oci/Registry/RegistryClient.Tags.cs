using System.Net;
using System.Text.Json;

namespace Snello.Oci.Registry;

public sealed partial class RegistryClient
{
    /// <summary>The page size asked of the registry when listing tags.</summary>
    public const int DefaultTagPageSize = 1000;

    private const int MaxTagPages = 10_000;

    /// <summary>
    /// Lists a repository's tags (<c>GET /v2/NAME/tags/list</c>), following <c>Link: rel="next"</c> pages
    /// (distribution spec, "Listing Tags"), in the registry's order.
    /// </summary>
    /// <exception cref="RegistryNotFoundException">No such repository.</exception>
    /// <exception cref="RegistryAuthenticationException">Access refused.</exception>
    /// <exception cref="RegistryUnreachableException">The registry cannot be reached or keeps failing.</exception>
    /// <exception cref="RegistryException">A page is not a tag list, or the pages do not end.</exception>
    public async Task<IReadOnlyList<string>> ListTagsAsync(string repository, int pageSize = DefaultTagPageSize,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(repository);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        var tags = new List<string>();
        Uri? next = Api(repository, $"tags/list?n={pageSize}");
        for (var page = 0; next is not null; page++)
        {
            if (page == MaxTagPages)
            {
                throw new RegistryException(Registry, $"tags of '{repository}': more than {MaxTagPages} pages; " +
                    "the registry's Link headers do not end");
            }

            var uri = next;
            using var response = await SendAsync((_, _) => Task.FromResult(new HttpRequestMessage(HttpMethod.Get, uri)),
                PullScope(repository), $"GET {uri}", true, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                await ThrowForStatusAsync(response, $"tags of '{repository}'", cancellationToken).ConfigureAwait(false);
            }

            var body = await ReadBodyAsync(response, 16 << 20, $"GET {uri}", cancellationToken).ConfigureAwait(false);
            TagList? list;
            try
            {
                list = JsonSerializer.Deserialize(body, RegistryJsonContext.Default.TagList);
            }
            catch (JsonException e)
            {
                throw new RegistryException(Registry, $"GET {uri}: the answer is not a tag list: {e.Message}", null, e);
            }

            tags.AddRange(list?.Tags ?? []);
            next = response.Headers.TryGetValues("Link", out var links) ? LinkHeader.Next(links, uri) : null;
        }

        return tags;
    }
}
