using Snello.Debian.Archive;

namespace Snello.Tests.Debian.Archive;

/// <summary>
/// Throwaway OpenPGP keys made by the real gpg in a temporary GNUPGHOME: a good Ed25519 key, one that
/// expired in 2020, one that signs through a subkey, and one left out of the exported keyring.
/// </summary>
public sealed class GpgKeys : IDisposable
{
    public const string Good = "Snello Good <good@example.invalid>";
    public const string Expired = "Snello Expired <expired@example.invalid>";
    public const string Subkey = "Snello Subkey <subkey@example.invalid>";
    public const string Unknown = "Snello Unknown <unknown@example.invalid>";
    public const string Rsa = "Snello Rsa <rsa@example.invalid>";

    private readonly string? _gpg = DebianTools.Find("gpg");

    public GpgKeys()
    {
        if (_gpg is null)
        {
            return;
        }

        Home = Directory.CreateTempSubdirectory("snello-gpg-").FullName;
        Gpg("--quick-gen-key", Good, "ed25519", "sign", "0");
        Gpg("--quick-gen-key", Unknown, "ed25519", "sign", "0");
        Gpg("--quick-gen-key", Rsa, "rsa2048", "sign", "0");
        Gpg("--faked-system-time", "20200101T000000", "--quick-gen-key", Expired, "ed25519", "sign", "1d");
        Gpg("--quick-gen-key", Subkey, "ed25519", "cert", "0");
        var fingerprint = Gpg("--with-colons", "--list-keys", Subkey).Split('\n')
            .First(l => l.StartsWith("fpr:", StringComparison.Ordinal)).Split(':')[9];
        Gpg("--quick-add-key", fingerprint, "ed25519", "sign", "0");

        KeyringPath = Path.Combine(Home, "archive.gpg");
        Gpg("--output", KeyringPath, "--export", Good, Expired, Subkey, Rsa);
    }

    public string Home { get; } = "";

    public string KeyringPath { get; } = "";

    public ArchiveKeyring Keyring => ArchiveKeyring.Load(Require());

    /// <summary>Clear-signs a text with one of the keys, optionally at a faked time.</summary>
    public string ClearSign(string text, string user, string? fakedTime = null, string? digest = null)
    {
        Require();
        var input = Path.Combine(Home, "message.txt");
        var output = Path.Combine(Home, "message.asc");
        File.WriteAllText(input, text);
        string[] time = fakedTime is null ? [] : ["--faked-system-time", fakedTime];
        string[] algorithm = digest is null ? [] : ["--digest-algo", digest];
        Gpg([.. time, .. algorithm, "--yes", "--local-user", user, "--output", output, "--clearsign", input]);
        return File.ReadAllText(output);
    }

    public void Dispose()
    {
        if (_gpg is null || !Directory.Exists(Home))
        {
            return;
        }

        DebianTools.Run("gpgconf", ["--kill", "gpg-agent"], environment: Environment());
        Directory.Delete(Home, recursive: true);
    }

    private string Require()
    {
        if (_gpg is null)
        {
            Conformance.Unavailable("'gpg' is not installed (Debian package gpg)");
        }

        return KeyringPath;
    }

    private Dictionary<string, string> Environment() => new() { ["GNUPGHOME"] = Home };

    private string Gpg(params string[] arguments)
    {
        var (exit, stdout, stderr) = DebianTools.Run(_gpg!,
            ["--batch", "--no-tty", "--pinentry-mode", "loopback", "--passphrase", "", .. arguments],
            environment: Environment());
        if (exit != 0)
        {
            throw new InvalidOperationException($"gpg {string.Join(' ', arguments)} failed: {stderr}");
        }

        return stdout;
    }
}
