using System.Security.Cryptography;
using System.Text.Json.Serialization;
using Snello.Oci.Json;

namespace Snello.Oci.Digests;

/// <summary>
/// A content digest as the OCI image spec (descriptor.md, "Digests") defines it: <c>algorithm:encoded</c>.
/// Only <c>sha256</c> and <c>sha512</c> are computed; other registered algorithms parse but cannot be verified.
/// </summary>
[JsonConverter(typeof(DigestJsonConverter))]
public readonly record struct Digest
{
    /// <summary>The algorithm name used by almost every image.</summary>
    public const string Sha256 = "sha256";

    /// <summary>The other algorithm the OCI spec registers.</summary>
    public const string Sha512 = "sha512";

    private Digest(string algorithm, string encoded)
    {
        Algorithm = algorithm;
        Encoded = encoded;
    }

    /// <summary>The algorithm part, for example <c>sha256</c>.</summary>
    public string Algorithm { get; }

    /// <summary>The encoded part: lowercase hex for sha256 and sha512.</summary>
    public string Encoded { get; }

    /// <summary>Whether this digest's algorithm is one Snello can compute.</summary>
    public bool IsVerifiable => Algorithm is Sha256 or Sha512;

    /// <summary>Parses <paramref name="text"/> and checks it against the grammar of its algorithm.</summary>
    /// <exception cref="FormatException">The text is not a digest; the message quotes it.</exception>
    public static Digest Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!TryParse(text, out var digest, out var problem))
        {
            throw new FormatException($"invalid digest '{text}': {problem}");
        }

        return digest;
    }

    /// <summary>Parses <paramref name="text"/>, returning false instead of throwing.</summary>
    public static bool TryParse(string? text, out Digest digest) => TryParse(text, out digest, out _);

    private static bool TryParse(string? text, out Digest digest, out string problem)
    {
        digest = default;
        var colon = text?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        if (text is null || colon <= 0 || colon == text.Length - 1)
        {
            problem = "expected 'algorithm:encoded', such as 'sha256:' and 64 hex digits";
            return false;
        }

        var algorithm = text[..colon];
        var encoded = text[(colon + 1)..];
        if (!IsAlgorithm(algorithm))
        {
            problem = $"algorithm '{algorithm}' is not of the form [a-z0-9]+([+._-][a-z0-9]+)*";
            return false;
        }

        var hexLength = algorithm switch { Sha256 => 64, Sha512 => 128, _ => 0 };
        if (hexLength > 0)
        {
            if (encoded.Length != hexLength || !encoded.All(char.IsAsciiHexDigitLower))
            {
                problem = $"{algorithm} needs {hexLength} lowercase hex digits, got '{encoded}'";
                return false;
            }
        }
        else if (!encoded.All(c => char.IsAsciiLetterOrDigit(c) || c is '=' or '_' or '-'))
        {
            problem = $"encoded part '{encoded}' has characters outside [a-zA-Z0-9=_-]";
            return false;
        }

        digest = new Digest(algorithm, encoded);
        problem = string.Empty;
        return true;
    }

    private static bool IsAlgorithm(string algorithm)
    {
        // OCI image spec, descriptor.md: algorithm-component ([+._-] algorithm-component)*
        var previousWasSeparator = true;
        foreach (var c in algorithm)
        {
            var isSeparator = c is '+' or '.' or '_' or '-';
            if (isSeparator && previousWasSeparator)
            {
                return false;
            }

            if (!isSeparator && !char.IsAsciiDigit(c) && !char.IsAsciiLetterLower(c))
            {
                return false;
            }

            previousWasSeparator = isSeparator;
        }

        return !previousWasSeparator;
    }

    /// <summary>The sha256 digest of <paramref name="data"/>.</summary>
    public static Digest Compute(ReadOnlySpan<byte> data) => Compute(data, Sha256);

    /// <summary>The digest of <paramref name="data"/> with the given algorithm.</summary>
    /// <exception cref="NotSupportedException">The algorithm is neither sha256 nor sha512.</exception>
    public static Digest Compute(ReadOnlySpan<byte> data, string algorithm)
    {
        var hash = algorithm switch
        {
            Sha256 => SHA256.HashData(data),
            Sha512 => SHA512.HashData(data),
            _ => throw Unsupported(algorithm),
        };
        return FromHash(algorithm, hash);
    }

    /// <summary>The digest of everything read from <paramref name="stream"/>, read to its end.</summary>
    public static async Task<Digest> ComputeAsync(Stream stream, string algorithm = Sha256,
        CancellationToken cancellationToken = default)
    {
        using var hash = CreateHash(algorithm);
        var buffer = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            hash.AppendData(buffer, 0, read);
        }

        return FromHash(algorithm, hash.GetHashAndReset());
    }

    /// <summary>Builds a digest from a finished hash value.</summary>
    public static Digest FromHash(string algorithm, ReadOnlySpan<byte> hash) =>
        new(algorithm, Convert.ToHexStringLower(hash));

    /// <summary>An incremental hash for the algorithm, to digest data as it streams.</summary>
    /// <exception cref="NotSupportedException">The algorithm is neither sha256 nor sha512.</exception>
    public static IncrementalHash CreateHash(string algorithm) => algorithm switch
    {
        Sha256 => IncrementalHash.CreateHash(HashAlgorithmName.SHA256),
        Sha512 => IncrementalHash.CreateHash(HashAlgorithmName.SHA512),
        _ => throw Unsupported(algorithm),
    };

    private static NotSupportedException Unsupported(string algorithm) =>
        new($"digest algorithm '{algorithm}' is not supported; expected 'sha256' or 'sha512'");

    /// <summary>A short form for tables: the algorithm and the first 12 characters.</summary>
    public string Abbreviated =>
        Encoded is null ? string.Empty : $"{Algorithm}:{Encoded[..Math.Min(12, Encoded.Length)]}";

    /// <inheritdoc />
    public override string ToString() => Encoded is null ? string.Empty : $"{Algorithm}:{Encoded}";
}
