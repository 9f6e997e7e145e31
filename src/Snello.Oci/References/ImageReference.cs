using System.Diagnostics.CodeAnalysis;
using OciDigest = Snello.Oci.Digests.Digest;

namespace Snello.Oci.References;

/// <summary>
/// An image reference of the distribution grammar (distribution/reference, grammar.go), normalised the
/// way Docker normalises it: a registry, a repository, and a tag, a digest or both. A parsed reference
/// always names a manifest: a bare name gets the tag <c>latest</c>.
/// </summary>
public sealed partial class ImageReference : IEquatable<ImageReference>
{
    /// <summary>The registry a reference without one means: Docker Hub.</summary>
    public const string DockerHubRegistry = "docker.io";

    /// <summary>The tag a reference with neither tag nor digest means.</summary>
    public const string DefaultTag = "latest";

    // Docker Hub's canonical name is not the host that serves its registry API (normalize.go in
    // distribution/reference; the host is Docker's registry default).
    private const string DockerHubApiHost = "registry-1.docker.io";

    private const string OfficialRepositoryPrefix = "library/";

    private ImageReference(string registry, string repository, string? tag, OciDigest? digest)
    {
        Registry = registry;
        Repository = repository;
        Tag = tag;
        Digest = digest;
    }

    /// <summary>The registry, such as <c>docker.io</c>, <c>localhost:5000</c> or <c>[::1]:5000</c>.</summary>
    public string Registry { get; }

    /// <summary>The repository path in the registry, such as <c>library/debian</c>.</summary>
    public string Repository { get; }

    /// <summary>The tag, or null when the reference names only a digest.</summary>
    public string? Tag { get; }

    /// <summary>The manifest digest, or null when the reference names only a tag.</summary>
    public OciDigest? Digest { get; }

    /// <summary>The registry and repository: <c>docker.io/library/debian</c>.</summary>
    public string FullName => $"{Registry}/{Repository}";

    /// <summary>
    /// The host to send registry API requests to: <c>registry-1.docker.io</c> for Docker Hub, the
    /// registry itself (with its port) for every other one.
    /// </summary>
    public string RegistryApiHost => Registry == DockerHubRegistry ? DockerHubApiHost : Registry;

    /// <summary>
    /// What a registry's manifest endpoint takes (distribution spec, "Pulling manifests"): the digest
    /// when there is one, since it pins the content, else the tag.
    /// </summary>
    public string Identifier => Digest?.ToString() ?? Tag ?? DefaultTag;

    /// <summary>
    /// The short form Docker prints: <c>debian:latest</c>, <c>user/app:1.0</c>. Docker Hub's name is
    /// dropped, and so is <c>library/</c> for an official image, unless the short form would read back
    /// as another registry (a first component such as <c>docker.io/my.team/app</c>).
    /// </summary>
    public string FamiliarName
    {
        get
        {
            var name = FullName;
            if (Registry == DockerHubRegistry)
            {
                var path = Repository;
                if (path.StartsWith(OfficialRepositoryPrefix, StringComparison.Ordinal) &&
                    path.IndexOf('/', OfficialRepositoryPrefix.Length) < 0)
                {
                    path = path[OfficialRepositoryPrefix.Length..];
                }

                var slash = path.IndexOf('/', StringComparison.Ordinal);
                if (slash < 0 || !LooksLikeRegistry(path[..slash]))
                {
                    name = path;
                }
            }

            return name + Suffix;
        }
    }

    private string Suffix => (Tag is null ? string.Empty : ":" + Tag) + (Digest is { } d ? "@" + d : string.Empty);

    /// <summary>
    /// A reference to the same repository with <paramref name="tag"/> and no digest: the digest named
    /// the content of the old tag, so keeping it would pin the new reference to that content.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="tag"/> is null.</exception>
    /// <exception cref="ReferenceFormatException">The tag does not match <c>[\w][\w.-]{0,127}</c>.</exception>
    public ImageReference WithTag(string tag)
    {
        ArgumentNullException.ThrowIfNull(tag);
        if (ReferenceGrammar.CheckTag(tag) is { } problem)
        {
            throw new ReferenceFormatException($"{FullName}:{tag}", problem);
        }

        return new ImageReference(Registry, Repository, tag, digest: null);
    }

    /// <summary>
    /// A reference to the same repository pinned to <paramref name="digest"/>, keeping the tag, as a lock
    /// file writes it: <c>docker.io/library/debian:bookworm@sha256:...</c>.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="digest"/> is the default, empty value.</exception>
    public ImageReference WithDigest(OciDigest digest)
    {
        if (digest.Algorithm is null)
        {
            throw new ArgumentException("the digest is empty; expected one such as 'sha256:' and 64 hex digits",
                nameof(digest));
        }

        return new ImageReference(Registry, Repository, Tag, digest);
    }

    /// <summary>The canonical full form: <c>docker.io/library/debian:latest</c>, with <c>@digest</c> if any.</summary>
    public override string ToString() => FullName + Suffix;

    /// <inheritdoc />
    public bool Equals([NotNullWhen(true)] ImageReference? other) =>
        other is not null && string.Equals(ToString(), other.ToString(), StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals([NotNullWhen(true)] object? obj) => Equals(obj as ImageReference);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(ToString());
}
