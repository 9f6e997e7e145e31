namespace Snello.Debian.Archive;

/// <summary>The text of a clear-signed file whose signature was verified, and who signed it.</summary>
/// <param name="Text">The signed text, lines ending in <c>\n</c>.</param>
/// <param name="SignerKeyId">The 16-digit hex id of the key whose signature verified.</param>
/// <param name="SignedAt">When that signature was made, by its own account.</param>
public sealed record VerifiedText(string Text, string SignerKeyId, DateTimeOffset SignedAt);
