using System.Globalization;
using System.Text;
using Org.BouncyCastle.Bcpg;
using Org.BouncyCastle.Bcpg.OpenPgp;

namespace Snello.Debian.Archive;

/// <summary>
/// Verifies a clear-signed InRelease file against a keyring, as apt's gpgv method accepts one: at least one
/// good signature by a valid key, and no bad signature by a key the keyring holds.
/// </summary>
/// <remarks>
/// A key is valid when it is not revoked and not expired at the time of verification; a signing subkey also
/// needs a subkey binding signature by its primary key that verifies, and its primary key must be valid.
/// Signatures by keys outside the keyring, and those with a weak digest (MD5, SHA-1, RIPEMD-160), are ignored
/// when another one is good, as gpgv and apt do. Not checked:
/// the primary key binding (back-signature) of signing subkeys, and revocation certificates published
/// outside the keyring.
/// </remarks>
public static class InReleaseVerifier
{
    /// <summary>Verifies a clear-signed file and returns its signed text.</summary>
    /// <param name="content">The whole InRelease file.</param>
    /// <param name="keyring">The keys that may sign it.</param>
    /// <param name="file">The file's name or URL, for messages.</param>
    /// <param name="now">The time of verification, against which keys and signatures expire.</param>
    /// <returns>The signed text and the signature that verified.</returns>
    /// <exception cref="SignatureVerificationException">The file is not clear-signed, a signature is bad,
    /// no signature is by a key of the keyring, or every such key is expired, revoked or unbound; the
    /// message names the file, the key ids and the problem.</exception>
    public static VerifiedText Verify(string content, ArchiveKeyring keyring, string file, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(keyring);
        var message = ClearSignedMessage.Parse(content, file);
        var signatures = ReadSignatures(message.ArmoredSignature, file);
        var problems = new List<string>();
        VerifiedText? good = null;

        foreach (var signature in signatures)
        {
            var id = KeyId(signature.KeyId);
            var key = keyring.Bundle.GetPublicKey(signature.KeyId);
            if (key is null)
            {
                problems.Add($"key {id} is not in keyring '{keyring.Name}'");
                continue;
            }

            signature.InitVerify(key);
            signature.Update(message.SignedBytes);
            if (!signature.Verify())
            {
                // A bad signature by a trusted key means the text was changed: refuse whatever else verifies.
                throw new SignatureVerificationException(file, $"BAD signature by key {id}: the signed text was "
                    + "changed after signing, or the signature is corrupt");
            }

            var invalid = IsWeak(signature.HashAlgorithm)
                ? $"it uses the weak digest {signature.HashAlgorithm}, which apt refuses"
                : KeyProblem(keyring.Bundle, key, signature, now);
            if (invalid is not null)
            {
                problems.Add($"good signature by key {id}, but {invalid}");
                continue;
            }

            good ??= new VerifiedText(message.Text, id, new DateTimeOffset(signature.CreationTime, TimeSpan.Zero));
        }

        return good ?? throw new SignatureVerificationException(file, problems.Count == 0
            ? "it holds no signature"
            : "no valid signature: " + string.Join("; ", problems));
    }

    // MD5, SHA-1 and RIPEMD-160 no longer protect against collisions (RFC 9580 section 9.5).
    private static bool IsWeak(HashAlgorithmTag digest) =>
        digest is HashAlgorithmTag.MD2 or HashAlgorithmTag.MD5 or HashAlgorithmTag.Sha1 or HashAlgorithmTag.RipeMD160;

    private static List<PgpSignature> ReadSignatures(string armored, string file)
    {
        var signatures = new List<PgpSignature>();
        try
        {
            using var input = new ArmoredInputStream(new MemoryStream(Encoding.ASCII.GetBytes(armored)));
            var factory = new PgpObjectFactory(input);
            while (factory.NextPgpObject() is { } next)
            {
                if (next is PgpSignatureList list)
                {
                    signatures.AddRange(Enumerable.Range(0, list.Count).Select(i => list[i]));
                }
            }
        }
        catch (Exception e) when (e is IOException or PgpException)
        {
            throw new SignatureVerificationException(file, $"the signature block is corrupt: {e.Message}", e);
        }

        if (signatures.Any(s => s.SignatureType != PgpSignature.CanonicalTextDocument))
        {
            throw new SignatureVerificationException(file,
                "a clear-signed message needs canonical text signatures (type 0x01)");
        }

        return signatures;
    }

    // The reason a key cannot vouch for a signature at 'now', or null when it can.
    private static string? KeyProblem(PgpPublicKeyRingBundle bundle, PgpPublicKey key, PgpSignature signature,
        DateTimeOffset now)
    {
        var expires = SignatureExpiry(signature);
        if (expires is { } end && end <= now)
        {
            return $"the signature expired on {Format(end)}";
        }

        var expiry = Expiry(key);
        if (expiry is { } keyEnd && keyEnd <= now)
        {
            return $"the key expired on {Format(keyEnd)}";
        }

        if (key.HasRevocation())
        {
            return "the key is revoked";
        }

        if (key.IsMasterKey)
        {
            return null;
        }

        var ring = bundle.GetPublicKeyRing(key.KeyId);
        var primary = ring.GetPublicKey();
        if (!IsBound(primary, key))
        {
            return $"the subkey has no valid binding signature by its primary key {KeyId(primary.KeyId)}";
        }

        if (primary.HasRevocation())
        {
            return $"its primary key {KeyId(primary.KeyId)} is revoked";
        }

        var primaryExpiry = Expiry(primary);
        return primaryExpiry is { } primaryEnd && primaryEnd <= now
            ? $"its primary key {KeyId(primary.KeyId)} expired on {Format(primaryEnd)}"
            : null;
    }

    private static bool IsBound(PgpPublicKey primary, PgpPublicKey subkey)
    {
        foreach (var binding in subkey.GetSignaturesOfType(PgpSignature.SubkeyBinding))
        {
            try
            {
                binding.InitVerify(primary);
                if (binding.KeyId == primary.KeyId && binding.VerifyCertification(primary, subkey))
                {
                    return true;
                }
            }
            catch (PgpException)
            {
                // A binding signature that cannot be checked binds nothing; another one may.
            }
        }

        return false;
    }

    private static DateTimeOffset? Expiry(PgpPublicKey key)
    {
        var seconds = key.GetValidSeconds();
        return seconds <= 0 ? null : new DateTimeOffset(key.CreationTime, TimeSpan.Zero).AddSeconds(seconds);
    }

    private static DateTimeOffset? SignatureExpiry(PgpSignature signature)
    {
        var seconds = signature.GetHashedSubPackets()?.GetSignatureExpirationTime() ?? 0;
        return seconds <= 0
            ? null
            : new DateTimeOffset(signature.CreationTime, TimeSpan.Zero).AddSeconds(seconds);
    }

    private static string KeyId(long id) => id.ToString("X16", CultureInfo.InvariantCulture);

    private static string Format(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
}
