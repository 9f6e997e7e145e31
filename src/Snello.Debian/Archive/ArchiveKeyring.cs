using Org.BouncyCastle.Bcpg.OpenPgp;

namespace Snello.Debian.Archive;

/// <summary>
/// OpenPGP public keys that may sign an archive's Release files, such as Debian's
/// <c>/usr/share/keyrings/debian-archive-keyring.gpg</c>.
/// </summary>
public sealed class ArchiveKeyring
{
    private const string RsaPrimalityTests = "Org.BouncyCastle.Rsa.MaxMRTests";

    private ArchiveKeyring(PgpPublicKeyRingBundle bundle, string name)
    {
        Bundle = bundle;
        Name = name;
    }

    /// <summary>The file or description the keys came from.</summary>
    public string Name { get; }

    /// <summary>How many key rings (primary keys with their subkeys) the keyring holds.</summary>
    public int Count => Bundle.Count;

    internal PgpPublicKeyRingBundle Bundle { get; }

    /// <summary>Loads a keyring file, binary (<c>.gpg</c>) or ASCII-armoured (<c>.asc</c>).</summary>
    /// <remarks>
    /// The keys are trusted as given, so BouncyCastle's test that an RSA modulus is composite (about 100 ms
    /// at every verification) is switched off for the process through its environment setting
    /// <c>Org.BouncyCastle.Rsa.MaxMRTests</c>, unless that is already set.
    /// </remarks>
    /// <param name="path">The keyring file.</param>
    /// <returns>The keyring.</returns>
    /// <exception cref="KeyringException">The file cannot be read, is not OpenPGP, or holds no keys (a
    /// keybox <c>.kbx</c> file, for example, which BouncyCastle reads as empty).</exception>
    public static ArchiveKeyring Load(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return Load(stream, path);
        }
        catch (IOException e)
        {
            throw new KeyringException(path, $"cannot be read: {e.Message}", e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new KeyringException(path, $"cannot be read: {e.Message}", e);
        }
    }

    /// <summary>Loads keys from a stream, binary or ASCII-armoured.</summary>
    /// <param name="stream">The keyring's bytes.</param>
    /// <param name="name">A name for messages.</param>
    /// <returns>The keyring.</returns>
    /// <exception cref="KeyringException">The data is not OpenPGP or holds no keys.</exception>
    public static ArchiveKeyring Load(Stream stream, string name)
    {
        PgpPublicKeyRingBundle bundle;
        try
        {
            using var decoded = PgpUtilities.GetDecoderStream(stream);
            bundle = new PgpPublicKeyRingBundle(decoded);
        }
        catch (Exception e) when (e is PgpException or IOException or ArgumentException)
        {
            throw new KeyringException(name, $"is not an OpenPGP keyring: {e.Message}", e);
        }

        if (bundle.Count == 0)
        {
            throw new KeyringException(name, "holds no OpenPGP public keys (a keybox '.kbx' file reads as empty; "
                + "export the keys with 'gpg --export')");
        }

        if (Environment.GetEnvironmentVariable(RsaPrimalityTests) is null)
        {
            Environment.SetEnvironmentVariable(RsaPrimalityTests, "0");
        }

        return new ArchiveKeyring(bundle, name);
    }
}
