namespace Snello.Build.Specs;

/// <summary>An extra apt repository (<c>distribution.repositories[]</c>).</summary>
/// <param name="Uri">The repository's base URI (the folder holding <c>dists/</c>).</param>
/// <param name="Suite">The suite, such as <c>stable</c>.</param>
/// <param name="Components">The components to read; <c>[main]</c> when the spec names none.</param>
/// <param name="Keyring">
/// The full path of the OpenPGP keyring that signs the repository, resolved against the spec's folder. Its
/// existence is checked when the build reads it, not when the spec loads.
/// </param>
public sealed record RepositorySpec(Uri Uri, string Suite, IReadOnlyList<string> Components, string Keyring);
