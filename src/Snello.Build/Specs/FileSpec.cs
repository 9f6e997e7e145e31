namespace Snello.Build.Specs;

/// <summary>A local file or folder copied into the image (<c>files[]</c>).</summary>
/// <param name="Source">
/// The full path of the file or folder, resolved against the spec's folder. A folder copies recursively.
/// Its existence is checked at build time: build scripts often make it after the spec is written.
/// </param>
/// <param name="Destination">The absolute path in the image.</param>
/// <param name="Mode">The permission bits (from the octal <c>mode</c>), or null to keep the source's.</param>
/// <param name="Owner">The numeric owner (from <c>owner</c>); <c>0:0</c> when the spec names none.</param>
public sealed record FileSpec(string Source, string Destination, int? Mode, Ownership Owner);
