using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Snello.Oci.Registry;

/// <summary>
/// The Docker client's config file (<c>$DOCKER_CONFIG/config.json</c>, else <c>~/.docker/config.json</c>) as a
/// source of registry credentials, read and written as <c>docker login</c> does: <c>credHelpers</c> names a
/// helper per registry, <c>credsStore</c> one for all, and <c>auths</c> holds base64 <c>user:password</c>
/// under <c>auth</c>. Docker Hub's key is <c>https://index.docker.io/v1/</c>; other registries use their host.
/// </summary>
public sealed class DockerConfig : ICredentialSource
{
    /// <summary>The key Docker writes for Docker Hub.</summary>
    public const string DockerHubKey = "https://index.docker.io/v1/";

    private static readonly string[] DockerHubAliases =
        ["docker.io", "index.docker.io", "registry-1.docker.io", "registry.hub.docker.com"];

    private readonly string? _helperSearchPath;
    private readonly ILogger _logger;

    /// <summary>Reads (lazily) the file at <paramref name="path"/>, or the default one.</summary>
    /// <param name="path">The config file; null for <see cref="DefaultPath"/>.</param>
    /// <param name="helperSearchPath">Where credential helpers are looked for; null for <c>PATH</c>.</param>
    /// <param name="logger">Where lookups are logged.</param>
    public DockerConfig(string? path = null, string? helperSearchPath = null, ILogger? logger = null)
    {
        Path = path ?? DefaultPath();
        _helperSearchPath = helperSearchPath;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>The config file.</summary>
    public string Path { get; }

    /// <summary>
    /// <c>$DOCKER_CONFIG/config.json</c> when the variable is set, else <c>~/.docker/config.json</c>.
    /// </summary>
    public static string DefaultPath()
    {
        var dir = Environment.GetEnvironmentVariable("DOCKER_CONFIG");
        if (string.IsNullOrEmpty(dir))
        {
            dir = System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".docker");
        }

        return System.IO.Path.Combine(dir, "config.json");
    }

    /// <summary>The key and helper server URL Docker uses for a registry.</summary>
    public static string KeyFor(string registry) => Normalize(registry) == "docker.io" ? DockerHubKey : registry;

    /// <inheritdoc />
    /// <exception cref="CredentialHelperException">A configured helper failed.</exception>
    /// <exception cref="FormatException">The file is not JSON, or an <c>auth</c> value is not base64.</exception>
    public async Task<RegistryCredential?> GetAsync(string registry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var root = Load();
        if (root is null)
        {
            return null;
        }

        var wanted = Normalize(registry);
        var helper = Helper(root, wanted);
        if (helper is not null)
        {
            _logger.LogDebug("registry {Registry}: asking credential helper {Helper}", registry, helper.Program);
            var found = await helper.GetAsync(KeyFor(registry), cancellationToken).ConfigureAwait(false);
            if (found is not null)
            {
                return found;
            }
        }

        if (root["auths"] is not JsonObject auths)
        {
            return null;
        }

        foreach (var (key, value) in auths)
        {
            if (Normalize(key) != wanted || value is not JsonObject entry)
            {
                continue;
            }

            var credential = FromEntry(key, entry);
            if (credential is not null)
            {
                _logger.LogDebug("registry {Registry}: credentials from {File} entry {Key}", registry, Path, key);
                return credential;
            }
        }

        return null;
    }

    /// <summary>
    /// Stores a credential as <c>docker login</c> does: through the <c>credsStore</c> or <c>credHelpers</c> helper
    /// when one is configured (leaving an empty <c>auths</c> entry), else base64 in <c>auths</c>. Other entries
    /// and settings are kept; the file is replaced atomically with mode 0600.
    /// </summary>
    /// <exception cref="CredentialHelperException">The helper failed.</exception>
    public async Task SaveAsync(string registry, RegistryCredential credential,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(credential);
        var root = Load() ?? [];
        var auths = root["auths"] as JsonObject;
        if (auths is null)
        {
            auths = [];
            root["auths"] = auths;
        }

        var key = KeyFor(registry);
        RemoveEntries(auths, Normalize(registry));
        var helper = Helper(root, Normalize(registry));
        if (helper is not null)
        {
            await helper.StoreAsync(key, credential, cancellationToken).ConfigureAwait(false);
            auths[key] = new JsonObject();
        }
        else
        {
            var auth = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{credential.Username}:{credential.Secret}"));
            auths[key] = new JsonObject { ["auth"] = auth };
        }

        Write(root);
    }

    /// <summary>Removes a registry's credential, from its helper too. Returns whether there was one.</summary>
    /// <exception cref="CredentialHelperException">The helper failed.</exception>
    public async Task<bool> RemoveAsync(string registry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var root = Load();
        if (root is null)
        {
            return false;
        }

        var removed = root["auths"] is JsonObject auths && RemoveEntries(auths, Normalize(registry));
        var helper = Helper(root, Normalize(registry));
        if (helper is not null)
        {
            await helper.EraseAsync(KeyFor(registry), cancellationToken).ConfigureAwait(false);
            removed = true;
        }

        if (removed)
        {
            Write(root);
        }

        return removed;
    }

    /// <summary>
    /// A key or registry reduced to what compares: scheme and path dropped, lower case, Docker Hub's many
    /// names folded into <c>docker.io</c>.
    /// </summary>
    public static string Normalize(string keyOrRegistry)
    {
        ArgumentNullException.ThrowIfNull(keyOrRegistry);
        var text = keyOrRegistry.Trim();
        foreach (var scheme in new[] { "https://", "http://" })
        {
            if (text.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
            {
                text = text[scheme.Length..];
            }
        }

        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            text = text[..slash];
        }

        text = text.ToLowerInvariant();
        return DockerHubAliases.Contains(text) ? "docker.io" : text;
    }

    private CredentialHelper? Helper(JsonObject root, string normalized)
    {
        if (root["credHelpers"] is JsonObject helpers)
        {
            foreach (var (key, value) in helpers)
            {
                if (Normalize(key) == normalized && value?.GetValueKind() == JsonValueKind.String)
                {
                    return new CredentialHelper(value.GetValue<string>(), _helperSearchPath);
                }
            }
        }

        return root["credsStore"] is JsonValue store && store.GetValueKind() == JsonValueKind.String &&
            store.GetValue<string>() is { Length: > 0 } name
            ? new CredentialHelper(name, _helperSearchPath)
            : null;
    }

    private RegistryCredential? FromEntry(string key, JsonObject entry)
    {
        if (entry["auth"] is JsonValue auth && auth.GetValueKind() == JsonValueKind.String &&
            auth.GetValue<string>() is { Length: > 0 } encoded)
        {
            string decoded;
            try
            {
                decoded = Encoding.UTF8.GetString(Convert.FromBase64String(encoded));
            }
            catch (FormatException e)
            {
                throw new FormatException($"'{Path}': auths entry '{key}' has an 'auth' that is not base64 of " +
                    "'user:password'", e);
            }

            var colon = decoded.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
            {
                throw new FormatException($"'{Path}': auths entry '{key}' decodes to no 'user:password' pair");
            }

            return new RegistryCredential(decoded[..colon], decoded[(colon + 1)..]);
        }

        var user = (entry["username"] as JsonValue)?.GetValueKind() == JsonValueKind.String
            ? entry["username"]!.GetValue<string>() : null;
        var password = (entry["password"] as JsonValue)?.GetValueKind() == JsonValueKind.String
            ? entry["password"]!.GetValue<string>() : null;
        return user is not null && password is not null ? new RegistryCredential(user, password) : null;
    }

    private static bool RemoveEntries(JsonObject auths, string normalized)
    {
        var keys = auths.Select(p => p.Key).Where(k => Normalize(k) == normalized).ToList();
        foreach (var key in keys)
        {
            auths.Remove(key);
        }

        return keys.Count > 0;
    }

    private JsonObject? Load()
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(Path);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
        catch (DirectoryNotFoundException)
        {
            return null;
        }

        if (bytes.Length == 0)
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(bytes) as JsonObject
                ?? throw new FormatException($"Docker config file '{Path}' is not a JSON object");
        }
        catch (JsonException e)
        {
            throw new FormatException($"Docker config file '{Path}' is not valid JSON: {e.Message}", e);
        }
    }

    private void Write(JsonObject root)
    {
        var dir = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!;
        Directory.CreateDirectory(dir);
        var temp = $"{Path}.{Guid.NewGuid():N}.partial";
        try
        {
            var options = new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.Write,
            };
            if (!OperatingSystem.IsWindows())
            {
                // As docker login writes it: the file holds secrets, so only its owner may read it.
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using (var file = new FileStream(temp, options))
            {
                using (var writer = new Utf8JsonWriter(file, new JsonWriterOptions
                {
                    Indented = true,
                    IndentCharacter = '\t',
                    IndentSize = 1,
                    Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
                }))
                {
                    root.WriteTo(writer);
                }

                file.Write("\n"u8);
                file.Flush(flushToDisk: true);
            }

            File.Move(temp, Path, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }
}
