using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Snello.Oci.Registry;

/// <summary>
/// Answers a registry's 401 challenges and authorizes later requests the same way: Basic with the stored
/// credential, or Bearer tokens from the challenge's token server (distribution, docs/spec/auth/token.md),
/// one per set of scopes, cached until they expire.
/// </summary>
internal sealed class RegistryAuthenticator(RegistryClient client, string registry, ICredentialSource? credentials,
    ILogger logger) : IDisposable
{
    // The token spec's default lifetime when the server names none; tokens are renewed this early.
    private static readonly TimeSpan DefaultLifetime = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(10);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<string, (string Token, DateTimeOffset Expires)> _tokens = new(StringComparer.Ordinal);
    private AuthChallenge? _bearer;
    private bool _basic;
    private RegistryCredential? _credential;
    private bool _credentialLoaded;

    public void Dispose() => _gate.Dispose();

    public async Task ApplyAsync(HttpRequestMessage request, string[] scopes, CancellationToken cancellationToken)
    {
        if (_basic)
        {
            var credential = await CredentialAsync(cancellationToken).ConfigureAwait(false);
            if (credential is not null)
            {
                request.Headers.Authorization = Basic(credential);
            }
        }
        else if (_bearer is not null)
        {
            var token = await TokenAsync(scopes, cancellationToken).ConfigureAwait(false);
            if (token is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }
        }
    }

    /// <summary>Learns from a 401; returns whether the request is worth sending again.</summary>
    public async Task<bool> ChallengeAsync(HttpResponseMessage response, string[] scopes, bool hadAuthorization,
        CancellationToken cancellationToken)
    {
        var challenges = response.Headers.TryGetValues("WWW-Authenticate", out var values)
            ? values.SelectMany(AuthChallenge.Parse).ToList()
            : [];
        var bearer = challenges.FirstOrDefault(c => c.IsBearer && c["realm"] is not null);
        if (bearer is not null)
        {
            await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                _bearer = bearer;
                _basic = false;

                // A token that was refused (expired early, or lacking a scope) is dropped and fetched again.
                _tokens.Remove(Key(scopes));
            }
            finally
            {
                _gate.Release();
            }

            logger.LogDebug("registry {Registry}: bearer challenge, realm {Realm}, service {Service}", registry,
                bearer["realm"], bearer["service"]);
            return true;
        }

        if (challenges.Any(c => c.IsBasic))
        {
            var credential = await CredentialAsync(cancellationToken).ConfigureAwait(false);
            if (credential is null || (_basic && hadAuthorization))
            {
                return false;
            }

            _basic = true;
            logger.LogDebug("registry {Registry}: basic challenge; sending credentials of {User}", registry,
                credential.Username);
            return true;
        }

        return false;
    }

    private async Task<RegistryCredential?> CredentialAsync(CancellationToken cancellationToken)
    {
        if (!_credentialLoaded)
        {
            _credential = credentials is null
                ? null
                : await credentials.GetAsync(registry, cancellationToken).ConfigureAwait(false);
            _credentialLoaded = true;
        }

        return _credential;
    }

    private static AuthenticationHeaderValue Basic(RegistryCredential credential) => new("Basic",
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{credential.Username}:{credential.Secret}")));

    private static string Key(string[] scopes) => string.Join(' ', scopes.Order(StringComparer.Ordinal));

    private async Task<string?> TokenAsync(string[] scopes, CancellationToken cancellationToken)
    {
        var key = Key(scopes);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_tokens.TryGetValue(key, out var cached) && cached.Expires > DateTimeOffset.UtcNow)
            {
                return cached.Token;
            }

            var challenge = _bearer!;
            var (token, expires) = await FetchTokenAsync(challenge, scopes, cancellationToken).ConfigureAwait(false);
            _tokens[key] = (token, expires);
            return token;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<(string Token, DateTimeOffset Expires)> FetchTokenAsync(AuthChallenge challenge,
        string[] scopes, CancellationToken cancellationToken)
    {
        var realm = challenge["realm"]!;
        var query = new List<string>();
        if (challenge["service"] is { } service)
        {
            query.Add("service=" + Uri.EscapeDataString(service));
        }

        // The registry's own scope (from the challenge) is asked for too: it may name more than ours.
        var wanted = scopes.ToList();
        if (challenge["scope"] is { } offered)
        {
            wanted.AddRange(offered.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(s => !wanted.Contains(s)));
        }

        query.AddRange(wanted.Select(s => "scope=" + Uri.EscapeDataString(s)));
        if (!Uri.TryCreate(realm + (query.Count == 0 ? "" : (realm.Contains('?', StringComparison.Ordinal) ? "&" : "?")
                + string.Join('&', query)), UriKind.Absolute, out var uri) ||
            uri.Scheme is not ("https" or "http"))
        {
            throw new RegistryException(registry, $"registry '{registry}' names token realm '{realm}', expected an " +
                "absolute http or https URL");
        }

        var credential = await CredentialAsync(cancellationToken).ConfigureAwait(false);
        var what = $"token request to '{uri.GetLeftPart(UriPartial.Path)}' for scope '{string.Join(' ', wanted)}'";
        using var response = await client.SendAsync((_, _) =>
        {
            var request = new HttpRequestMessage(HttpMethod.Get, uri);
            if (credential is not null)
            {
                request.Headers.Authorization = Basic(credential);
            }

            return Task.FromResult(request);
        }, null, what, true, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            var who = credential is null ? "anonymous access" : $"user '{credential.Username}'";
            throw new RegistryAuthenticationException(registry, $"{what}: the token server refused {who} with " +
                $"{(int)response.StatusCode} {response.ReasonPhrase}; check the credentials " +
                $"('snello login {registry}')",
                response.StatusCode);
        }

        if (response.StatusCode != HttpStatusCode.OK)
        {
            await client.ThrowForStatusAsync(response, what, cancellationToken).ConfigureAwait(false);
        }

        var body = await client.ReadBodyAsync(response, 1 << 20, what, cancellationToken).ConfigureAwait(false);
        TokenResponse? parsed;
        try
        {
            parsed = JsonSerializer.Deserialize(body, RegistryJsonContext.Default.TokenResponse);
        }
        catch (JsonException e)
        {
            throw new RegistryException(registry, $"{what}: the answer is not a token document: {e.Message}", null, e);
        }

        var token = parsed?.Token ?? parsed?.AccessToken;
        if (string.IsNullOrEmpty(token))
        {
            throw new RegistryException(registry, $"{what}: the answer holds neither 'token' nor 'access_token'");
        }

        var lifetime = parsed!.ExpiresIn is > 0 ? TimeSpan.FromSeconds(parsed.ExpiresIn.Value) : DefaultLifetime;
        // The lifetime counts from now, not from issued_at: a token server's clock may differ from ours.
        var issued = DateTimeOffset.UtcNow;

        logger.LogDebug("registry {Registry}: token for {Scopes}, valid {Seconds} s", registry,
            string.Join(' ', wanted), (long)lifetime.TotalSeconds);
        return (token, issued + lifetime - Margin);
    }
}
