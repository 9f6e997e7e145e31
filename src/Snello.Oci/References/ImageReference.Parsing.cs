using System.Diagnostics.CodeAnalysis;
using OciDigest = Snello.Oci.Digests.Digest;

namespace Snello.Oci.References;

public sealed partial class ImageReference
{
    private const string ReferenceForm = "expected 'name[:tag][@digest]', such as 'debian:bookworm'";

    // The host Docker Hub had before docker.io (normalize.go, legacyDefaultDomain).
    private const string DockerHubLegacyRegistry = "index.docker.io";

    /// <summary>
    /// Parses <c>[registry/]repository[:tag][@digest]</c>. The first path component is a registry only
    /// if it contains '.' or ':' or is <c>localhost</c>; otherwise the registry is Docker Hub, where a
    /// one-component repository gets the <c>library/</c> prefix. With neither tag nor digest the tag
    /// is <c>latest</c>.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="ReferenceFormatException">
    /// The text breaks the grammar: an uppercase or malformed repository, a bad registry, port, tag or
    /// digest, or a name longer than 255 characters. The message quotes the text and the bad part.
    /// </exception>
    public static ImageReference Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Parse(text, out var problem) ?? throw new ReferenceFormatException(text, problem);
    }

    /// <summary>
    /// Parses <paramref name="text"/> as <see cref="Parse(string)"/> does, returning false instead of throwing.
    /// </summary>
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out ImageReference? reference)
    {
        reference = text is null ? null : Parse(text, out _);
        return reference is not null;
    }

    private static ImageReference? Parse(string text, out string problem)
    {
        if (text.Length == 0)
        {
            problem = $"the reference is empty; {ReferenceForm}";
            return null;
        }

        // Docker refuses a bare 64-digit hex string as a name (normalize.go): it is an image ID.
        if (text.Length == 64 && text.All(char.IsAsciiHexDigitLower))
        {
            problem = $"a 64-digit hex string is an image ID, not a repository; {ReferenceForm}";
            return null;
        }

        var rest = text;
        OciDigest? digest = null;
        var at = rest.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            var digestText = rest[(at + 1)..];
            if (!OciDigest.TryParse(digestText, out var parsed))
            {
                problem = $"digest '{digestText}' is not valid; expected 'algorithm:encoded', such as " +
                    "'sha256:' and 64 lowercase hex digits";
                return null;
            }

            digest = parsed;
            rest = rest[..at];
        }

        // A ':' after the last '/' starts the tag; one before it belongs to the registry's port.
        string? tag = null;
        var colon = rest.LastIndexOf(':');
        if (colon > rest.LastIndexOf('/'))
        {
            tag = rest[(colon + 1)..];
            rest = rest[..colon];
            if (ReferenceGrammar.CheckTag(tag) is { } tagProblem)
            {
                problem = tagProblem;
                return null;
            }
        }

        if (rest.Length == 0)
        {
            problem = $"there is no name before the tag or digest; {ReferenceForm}";
            return null;
        }

        var (registry, repository) = SplitRegistry(rest);
        if ((registry is null ? null : ReferenceGrammar.CheckDomain(registry)) is { } domainProblem)
        {
            problem = domainProblem;
            return null;
        }

        if (ReferenceGrammar.CheckPath(repository) is { } pathProblem)
        {
            problem = pathProblem;
            return null;
        }

        registry ??= DockerHubRegistry;
        if (IsDockerHub(registry))
        {
            registry = DockerHubRegistry;
            if (!repository.Contains('/', StringComparison.Ordinal))
            {
                repository = OfficialRepositoryPrefix + repository;
            }
        }

        var nameLength = registry.Length + 1 + repository.Length;
        if (nameLength > ReferenceGrammar.NameLengthMax)
        {
            problem = $"the name '{registry}/{repository}' has {nameLength} characters; at most " +
                $"{ReferenceGrammar.NameLengthMax} are allowed";
            return null;
        }

        problem = string.Empty;
        return new ImageReference(registry, repository, tag ?? (digest is null ? DefaultTag : null), digest);
    }

    private static (string? Registry, string Repository) SplitRegistry(string name)
    {
        var slash = name.IndexOf('/', StringComparison.Ordinal);
        return slash >= 0 && LooksLikeRegistry(name[..slash])
            ? (name[..slash], name[(slash + 1)..])
            : (null, name);
    }

    // Docker's rule (normalize.go, splitDockerDomain): only a component with '.' or ':', or exactly
    // 'localhost', is a registry; 'user/app' is a Docker Hub repository.
    private static bool LooksLikeRegistry(string component) =>
        component.Contains('.', StringComparison.Ordinal) || component.Contains(':', StringComparison.Ordinal) ||
        component == "localhost";

    // Host names compare without case (RFC 4343), so 'Docker.IO' is Docker Hub as well.
    private static bool IsDockerHub(string registry) =>
        string.Equals(registry, DockerHubRegistry, StringComparison.OrdinalIgnoreCase) ||
        string.Equals(registry, DockerHubLegacyRegistry, StringComparison.OrdinalIgnoreCase);
}
