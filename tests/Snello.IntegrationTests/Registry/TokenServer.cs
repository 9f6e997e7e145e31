using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;

namespace Snello.IntegrationTests.Registry;

/// <summary>
/// A token server for the registry's token mode (distribution, docs/spec/auth/token.md), on 127.0.0.1: it checks
/// Basic credentials and issues ES256-signed JWTs whose <c>access</c> claim grants what the user may do. The
/// registry verifies them against <see cref="RootCertificateBundle"/>. Users: <c>writer</c> may pull and push,
/// <c>reader</c> may only pull, anonymous gets no access at all.
/// </summary>
public sealed class TokenServer : IDisposable
{
    public const string Service = "snello-test-registry";
    public const string Issuer = "snello-test-token-issuer";
    public const string Password = "token-secret";

    private readonly HttpListener _listener = new();
    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly string _keyId;
    private readonly Task _loop;
    private int _requests;

    public TokenServer(string folder)
    {
        Port = FreePort.Next();
        var request = new CertificateRequest("CN=snello test token signer", _key, HashAlgorithmName.SHA256);
        var now = DateTimeOffset.UtcNow;
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddDays(7));
        RootCertificateBundle = Path.Combine(folder, "token-root.pem");
        File.WriteAllText(RootCertificateBundle, certificate.ExportCertificatePem());
        _keyId = LibtrustKeyId(_key.ExportSubjectPublicKeyInfo());
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public int Port { get; }

    public string RootCertificateBundle { get; }

    public string Realm => $"http://127.0.0.1:{Port}/token";

    /// <summary>Token requests answered so far.</summary>
    public int Requests => Volatile.Read(ref _requests);

    /// <summary>The registry's <c>auth:</c> section for this server.</summary>
    public string RegistryConfig => $"""
        auth:
          token:
            realm: {Realm}
            service: {Service}
            issuer: {Issuer}
            rootcertbundle: {RootCertificateBundle}

        """;

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            Interlocked.Increment(ref _requests);
            try
            {
                Answer(context);
                context.Response.Close();
            }
            catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException)
            {
                // The client hung up before the answer was written; it retries, so keep serving the others.
                context.Response.Abort();
            }
        }
    }

    private void Answer(HttpListenerContext context)
    {
        var user = User(context.Request.Headers["Authorization"]);
        if (user is null && context.Request.Headers["Authorization"] is not null)
        {
            context.Response.StatusCode = 401;
            return;
        }

        var allowed = user switch
        {
            "writer" => new[] { "pull", "push" },
            "reader" => ["pull"],
            _ => [],
        };
        var access = new List<object>();
        foreach (var scope in context.Request.QueryString.GetValues("scope") ?? [])
        {
            // repository:NAME:ACTIONS; NAME may not hold ':' in these tests.
            var parts = scope.Split(':');
            if (parts.Length != 3 || parts[0] != "repository")
            {
                continue;
            }

            var granted = parts[2].Split(',').Where(allowed.Contains).ToArray();
            access.Add(new Dictionary<string, object>
            {
                ["type"] = "repository",
                ["name"] = parts[1],
                ["actions"] = granted,
            });
        }

        var token = Sign(user ?? "", access);
        var body = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["token"] = token,
            ["expires_in"] = 300,
        });
        context.Response.ContentType = "application/json";
        context.Response.OutputStream.Write(body);
    }

    private static string? User(string? authorization)
    {
        if (authorization is null || !authorization.StartsWith("Basic ", StringComparison.Ordinal))
        {
            return null;
        }

        var text = Encoding.UTF8.GetString(Convert.FromBase64String(authorization["Basic ".Length..]));
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var (name, password) = (text[..colon], text[(colon + 1)..]);
        return password == Password && name is "writer" or "reader" ? name : null;
    }

    private string Sign(string subject, List<object> access)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var header = new Dictionary<string, object> { ["typ"] = "JWT", ["alg"] = "ES256", ["kid"] = _keyId };
        var claims = new Dictionary<string, object>
        {
            ["iss"] = Issuer,
            ["sub"] = subject,
            ["aud"] = Service,
            ["exp"] = now + 300,
            ["nbf"] = now - 10,
            ["iat"] = now,
            ["jti"] = Guid.NewGuid().ToString("N"),
            ["access"] = access,
        };
        var signingInput = Base64Url(JsonSerializer.SerializeToUtf8Bytes(header)) + "." +
            Base64Url(JsonSerializer.SerializeToUtf8Bytes(claims));
        var signature = _key.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256,
            DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        return signingInput + "." + Base64Url(signature);
    }

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    // libtrust's key ID, which distribution's token verifier looks a 'kid' up by: the first 240 bits of the
    // SHA-256 of the DER public key, base32 without padding, in groups of four joined by ':'.
    private static string LibtrustKeyId(byte[] subjectPublicKeyInfo)
    {
        var hash = SHA256.HashData(subjectPublicKeyInfo)[..30];
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bits = new StringBuilder();
        int buffer = 0, count = 0;
        foreach (var b in hash)
        {
            buffer = (buffer << 8) | b;
            count += 8;
            while (count >= 5)
            {
                bits.Append(Alphabet[(buffer >> (count - 5)) & 31]);
                count -= 5;
            }
        }

        var text = bits.ToString();
        return string.Join(':', Enumerable.Range(0, text.Length / 4).Select(i => text.Substring(i * 4, 4)));
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(5));
        _key.Dispose();
    }
}
