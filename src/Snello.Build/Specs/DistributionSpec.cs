namespace Snello.Build.Specs;

/// <summary>The Debian release the image's packages come from (<c>distribution</c>).</summary>
/// <param name="Suite">The suite codename: <c>bookworm</c> or <c>trixie</c>.</param>
/// <param name="Components">The archive components; <c>[main]</c> by default.</param>
/// <param name="Security">Whether the <c>SUITE-security</c> repository is read too; true by default.</param>
/// <param name="Mirror">The mirror URI, or null to take it from the host's apt sources.</param>
/// <param name="Repositories">Extra repositories, each with its own keyring; empty by default.</param>
public sealed record DistributionSpec(
    string Suite,
    IReadOnlyList<string> Components,
    bool Security,
    Uri? Mirror,
    IReadOnlyList<RepositorySpec> Repositories);
