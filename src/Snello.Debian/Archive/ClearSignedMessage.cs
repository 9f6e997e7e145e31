using System.Text;

namespace Snello.Debian.Archive;

/// <summary>
/// An OpenPGP clear-signed message (RFC 4880 section 7, RFC 9580 section 7) split into its text and its
/// armoured signature, such as an InRelease file.
/// </summary>
public sealed class ClearSignedMessage
{
    private const string MessageStart = "-----BEGIN PGP SIGNED MESSAGE-----";
    private const string SignatureStart = "-----BEGIN PGP SIGNATURE-----";
    private const string SignatureEnd = "-----END PGP SIGNATURE-----";

    private ClearSignedMessage(string text, byte[] signedBytes, string signature)
    {
        Text = text;
        SignedBytes = signedBytes;
        ArmoredSignature = signature;
    }

    /// <summary>The message text with dash-escaping undone, lines ending in <c>\n</c>.</summary>
    public string Text { get; }

    /// <summary>
    /// The bytes the signature covers: the text's lines without trailing spaces and tabs, joined by CRLF,
    /// without the line break before the signature (RFC 4880 section 7.1).
    /// </summary>
    internal byte[] SignedBytes { get; }

    /// <summary>The ASCII-armoured signature block, armour lines included.</summary>
    public string ArmoredSignature { get; }

    /// <summary>Splits a clear-signed message.</summary>
    /// <remarks>
    /// Anything but blank lines before the message or after the signature is refused, as apt refuses it:
    /// such text is not covered by the signature and must not be mistaken for signed content.
    /// </remarks>
    /// <param name="content">The whole file.</param>
    /// <param name="file">The file's name, for messages.</param>
    /// <returns>The message.</returns>
    /// <exception cref="SignatureVerificationException">The content is not a clear-signed message.</exception>
    public static ClearSignedMessage Parse(string content, string file)
    {
        ArgumentNullException.ThrowIfNull(content);
        var lines = content.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        var i = 0;
        while (i < lines.Length && lines[i].Trim().Length == 0)
        {
            i++;
        }

        if (i == lines.Length || lines[i].TrimEnd() != MessageStart)
        {
            throw new SignatureVerificationException(file, $"not a clear-signed message: expected '{MessageStart}'"
                + $" first, found '{(i < lines.Length ? lines[i] : "")}'");
        }

        // The armour headers ("Hash: SHA256") end at the first empty line.
        i++;
        while (i < lines.Length && lines[i].Length > 0)
        {
            i++;
        }

        i++;
        var body = new List<string>();
        while (i < lines.Length && lines[i].TrimEnd() != SignatureStart)
        {
            var line = lines[i++];
            if (line.StartsWith("- ", StringComparison.Ordinal))
            {
                line = line[2..];
            }
            else if (line.StartsWith('-'))
            {
                throw new SignatureVerificationException(
                    file, $"line {i} '{line}' starts with '-' but is not dash-escaped (RFC 4880 section 7.1)");
            }

            body.Add(line);
        }

        var start = i;
        while (i < lines.Length && lines[i].TrimEnd() != SignatureEnd)
        {
            i++;
        }

        if (start == lines.Length || i == lines.Length)
        {
            throw new SignatureVerificationException(file, $"the message has no complete '{SignatureStart}' block");
        }

        var trailing = lines.Skip(i + 1).FirstOrDefault(l => l.Trim().Length > 0);
        if (trailing is not null)
        {
            throw new SignatureVerificationException(
                file, $"text after the signature is not signed and is refused: '{trailing}'");
        }

        var signed = string.Join("\r\n", body.Select(l => l.TrimEnd(' ', '\t')));
        var text = string.Concat(body.Select(l => l + "\n"));
        var signature = string.Join('\n', lines[start..(i + 1)]) + "\n";
        return new ClearSignedMessage(text, Encoding.UTF8.GetBytes(signed), signature);
    }
}
