using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Net.Sockets;

namespace Snello.IntegrationTests.Infrastructure;

/// <summary>
/// A small signed Debian repository made with the real tools (dpkg-deb, dpkg-scanpackages, apt-ftparchive,
/// gpg with a throwaway key) and served over HTTP on 127.0.0.1, with methods that spoil one file each.
/// Layout: <c>pool/main/NAME_VERSION_all.deb</c>, <c>dists/SUITE/{InRelease,Release}</c> and
/// <c>dists/SUITE/main/binary-amd64/Packages{,.gz}</c>.
/// </summary>
public sealed class LocalDebianRepository : IDisposable
{
    private const string GoodKey = "Snello Test Archive <archive@example.invalid>";
    private const string UnknownKey = "Snello Stranger <stranger@example.invalid>";

    private readonly TempDirectory _folder = new();
    private readonly HttpListener _listener = new();
    private readonly Task _serving;

    private LocalDebianRepository(IReadOnlyList<(string Name, string Version)> packages, string suite)
    {
        Suite = suite;
        Packages = packages;
        Root = _folder["archive"];
        GnuPgHome = _folder["gnupg"];
        Directory.CreateDirectory(GnuPgHome);
        Gpg("--quick-gen-key", GoodKey, "ed25519", "sign", "0");
        Gpg("--quick-gen-key", UnknownKey, "ed25519", "sign", "0");
        KeyringPath = _folder["keyring.gpg"];
        Gpg("--output", KeyringPath, "--export", GoodKey);

        foreach (var (name, version) in packages)
        {
            BuildDeb(name, version);
        }

        WriteIndexes();
        Sign(validUntil: null, unknownKey: false);

        var port = FreePort();
        Uri = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(Uri.ToString());
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    /// <summary>The archive root URL (holds <c>dists/</c> and <c>pool/</c>).</summary>
    public Uri Uri { get; }

    /// <summary>The suite under <c>dists/</c>.</summary>
    public string Suite { get; }

    /// <summary>The packages, all <c>Architecture: all</c>.</summary>
    public IReadOnlyList<(string Name, string Version)> Packages { get; }

    /// <summary>The folder served.</summary>
    public string Root { get; }

    /// <summary>The exported public key that signs the repository (binary OpenPGP).</summary>
    public string KeyringPath { get; }

    /// <summary>The throwaway GNUPGHOME.</summary>
    public string GnuPgHome { get; }

    /// <summary>The suite's folder, <c>dists/SUITE</c>.</summary>
    public string SuiteFolder => Path.Combine(Root, "dists", Suite);

    /// <summary>Makes and serves a repository holding the packages (each a tiny .deb with one file).</summary>
    public static LocalDebianRepository Create(IReadOnlyList<(string Name, string Version)> packages,
        string suite = "stable")
    {
        Components.RequireTool("dpkg-deb", "dpkg");
        Components.RequireTool("dpkg-scanpackages", "dpkg-dev");
        Components.RequireTool("apt-ftparchive", "apt-utils");
        Components.RequireTool("gpg", "gpg");
        return new LocalDebianRepository(packages, suite);
    }

    /// <summary>The path of a package's .deb below the archive root, as Packages names it.</summary>
    public static string Filename(string name, string version) => $"pool/main/{name}_{version}_all.deb";

    /// <summary>Changes one letter of the signed text of InRelease, leaving the signature as it was.</summary>
    public void TamperInRelease()
    {
        var path = Path.Combine(SuiteFolder, "InRelease");
        var text = File.ReadAllText(path);
        var changed = text.Replace($"Suite: {Suite}", $"Suite: {Suite}x", StringComparison.Ordinal);
        if (changed == text)
        {
            throw new InvalidOperationException("InRelease holds no Suite line to tamper with");
        }

        File.WriteAllText(path, changed);
    }

    /// <summary>
    /// Changes Packages.gz and Packages after signing, keeping their sizes, so only their SHA256 differs
    /// from what the Release file lists.
    /// </summary>
    public void TamperPackages()
    {
        var folder = Path.Combine(SuiteFolder, "main", "binary-amd64");
        var plain = Path.Combine(folder, "Packages");
        var text = File.ReadAllText(plain).Replace("Snello Tests", "Snello Pests", StringComparison.Ordinal);
        File.WriteAllText(plain, text);
        var gz = Path.Combine(folder, "Packages.gz");
        var bytes = File.ReadAllBytes(gz);
        bytes[bytes.Length / 2] ^= 0x20;
        File.WriteAllBytes(gz, bytes);
    }

    /// <summary>Flips a byte near the end of a package's .deb, keeping its size.</summary>
    public void TamperDeb(string name, string version)
    {
        var path = Path.Combine(Root, Filename(name, version));
        var bytes = File.ReadAllBytes(path);
        bytes[^2] ^= 0xff;
        File.WriteAllBytes(path, bytes);
    }

    /// <summary>Deletes a package's .deb, as a mirror does once a newer version replaces it.</summary>
    public void RemoveDeb(string name, string version) => File.Delete(Path.Combine(Root, Filename(name, version)));

    /// <summary>Signs the Release again, with a Valid-Until (in the past for an expired one) or by a key
    /// the keyring does not hold.</summary>
    public void Sign(DateTimeOffset? validUntil, bool unknownKey)
    {
        var release = File.ReadAllText(Path.Combine(SuiteFolder, "Release"));
        if (validUntil is { } until)
        {
            var line = "Valid-Until: " + until.UtcDateTime.ToString("ddd, dd MMM yyyy HH:mm:ss 'UTC'",
                CultureInfo.InvariantCulture) + "\n";
            var date = release.IndexOf("Date:", StringComparison.Ordinal);
            var after = release.IndexOf('\n', date) + 1;
            release = release[..after] + line + release[after..];
        }

        var input = _folder["Release.to-sign"];
        File.WriteAllText(input, release);
        Gpg("--yes", "--local-user", unknownKey ? UnknownKey : GoodKey, "--digest-algo", "SHA512",
            "--output", Path.Combine(SuiteFolder, "InRelease"), "--clearsign", input);
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            _serving.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
        }

        ProcessRunner.Run("gpgconf", ["--kill", "gpg-agent"], environment: GpgEnvironment());
        _folder.Dispose();
    }

    private void BuildDeb(string name, string version)
    {
        var tree = _folder[$"build/{name}"];
        Directory.CreateDirectory(Path.Combine(tree, "DEBIAN"));
        Directory.CreateDirectory(Path.Combine(tree, "usr", "share", name));
        File.WriteAllText(Path.Combine(tree, "DEBIAN", "control"),
            $"Package: {name}\nVersion: {version}\nArchitecture: all\n"
            + "Maintainer: Snello Tests <tests@example.invalid>\nDescription: test package {name}\n");
        File.WriteAllText(Path.Combine(tree, "usr", "share", name, "hello.txt"), $"hello from {name}\n");
        var deb = Path.Combine(Root, Filename(name, version));
        Directory.CreateDirectory(Path.GetDirectoryName(deb)!);
        Run("dpkg-deb", ["--root-owner-group", "-Zgzip", "--build", tree, deb], Root);
    }

    private void WriteIndexes()
    {
        var folder = Path.Combine(SuiteFolder, "main", "binary-amd64");
        Directory.CreateDirectory(folder);
        var packages = Run("dpkg-scanpackages", ["--multiversion", "pool", "/dev/null"], Root).Stdout;
        File.WriteAllText(Path.Combine(folder, "Packages"), packages);
        WriteGzip(Path.Combine(folder, "Packages.gz"), packages);

        string[] options = [$"APT::FTPArchive::Release::Suite={Suite}", $"APT::FTPArchive::Release::Codename={Suite}",
            "APT::FTPArchive::Release::Architectures=amd64", "APT::FTPArchive::Release::Components=main",
            "APT::FTPArchive::Release::Origin=Snello Tests"];
        var release = Run("apt-ftparchive", [.. options.SelectMany(o => new[] { "-o", o }), "release", "."],
            SuiteFolder).Stdout;
        File.WriteAllText(Path.Combine(SuiteFolder, "Release"), release);
    }

    private static void WriteGzip(string path, string text)
    {
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.Optimal);
        gzip.Write(System.Text.Encoding.UTF8.GetBytes(text));
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e)
                when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            try
            {
                var relative = Uri.UnescapeDataString(context.Request.Url!.AbsolutePath).TrimStart('/');
                var path = Path.GetFullPath(Path.Combine(Root, relative));
                if (!path.StartsWith(Root + "/", StringComparison.Ordinal) || !File.Exists(path))
                {
                    context.Response.StatusCode = 404;
                }
                else
                {
                    var bytes = await File.ReadAllBytesAsync(path);
                    context.Response.ContentLength64 = bytes.Length;
                    await context.Response.OutputStream.WriteAsync(bytes);
                }

                context.Response.Close();
            }
            catch (Exception e) when (e is HttpListenerException or IOException)
            {
                context.Response.Abort();
            }
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private Dictionary<string, string> GpgEnvironment() => new() { ["GNUPGHOME"] = GnuPgHome };

    private void Gpg(params string[] arguments) =>
        Run("gpg", ["--batch", "--no-tty", "--pinentry-mode", "loopback", "--passphrase", "", .. arguments], Root);

    private ProcessRunner.Result Run(string program, string[] arguments, string directory)
    {
        Directory.CreateDirectory(directory);
        var result = ProcessRunner.Run(program, arguments, directory, GpgEnvironment(), TimeSpan.FromMinutes(2));
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed: {result}");
        }

        return result;
    }
}
