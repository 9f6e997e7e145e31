using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Snello.Build.Locking;

/// <summary>
/// A <c>snello.lock</c>: the exact package files a spec resolved to, per architecture, so a later build fetches
/// the same bytes. Written as JSON with sorted packages, two-space indent and a final newline, so equal locks
/// are equal files.
/// </summary>
public sealed partial record LockFile
{
    /// <summary>The format version this code reads and writes.</summary>
    public const int CurrentVersion = 1;

    private static readonly JsonSerializerOptions Options = new()
    {
        // Versions hold '+' (2.36-9+deb12u10): the default encoder would write it as \u002B.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
        Converters = { new UtcSecondsConverter() },
        WriteIndented = true,
        IndentSize = 2,
        NewLine = "\n",
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        TypeInfoResolver = LockJsonContext.Default,
    };

    private static readonly JsonTypeInfo<LockFile> TypeInfo =
        (JsonTypeInfo<LockFile>)new LockJsonContext(Options).GetTypeInfo(typeof(LockFile))!;

    /// <summary>The format version; <see cref="CurrentVersion"/>.</summary>
    public required int LockVersion { get; init; }

    /// <summary><c>sha256:HEX</c> of the spec file the lock was made from.</summary>
    public required string Spec { get; init; }

    /// <summary>The Debian suite, such as <c>bookworm</c>.</summary>
    public required string Distribution { get; init; }

    /// <summary>The pinned packages per Debian architecture name.</summary>
    public required IReadOnlyDictionary<string, LockedArchitecture> Architectures { get; init; }

    /// <summary>Where the lock of a spec lives: beside it, <c>.yaml</c> replaced by <c>.lock</c>.</summary>
    /// <param name="specPath">The spec file, such as <c>app/snello.yaml</c> or <c>specs/static.snello.yaml</c>.</param>
    /// <returns>The lock path: <c>app/snello.lock</c>, <c>specs/static.snello.lock</c>.</returns>
    public static string PathFor(string specPath)
    {
        ArgumentNullException.ThrowIfNull(specPath);
        var extension = Path.GetExtension(specPath);
        var stem = extension is ".yaml" or ".yml" ? specPath[..^extension.Length] : specPath;
        return stem + ".lock";
    }

    /// <summary>Reads and checks a lock file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The lock.</returns>
    /// <exception cref="LockFileException">The file is not a valid lock; the message names the field.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static LockFile Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Parse(File.ReadAllBytes(path), path);
    }

    /// <summary>Parses and checks lock file bytes.</summary>
    /// <param name="json">The UTF-8 JSON.</param>
    /// <param name="file">The file the bytes came from, for messages.</param>
    /// <returns>The lock.</returns>
    /// <exception cref="LockFileException">The bytes are not a valid lock; the message names the field.</exception>
    public static LockFile Parse(ReadOnlySpan<byte> json, string file)
    {
        ArgumentNullException.ThrowIfNull(file);
        LockFile? lockFile;
        try
        {
            lockFile = JsonSerializer.Deserialize(json, TypeInfo);
        }
        catch (JsonException e)
        {
            var where = new[]
            {
                e.LineNumber is { } line ? $"line {line + 1}" : null,
                string.IsNullOrEmpty(e.Path) ? null : $"at '{e.Path}'",
            };
            var at = string.Join(", ", where.OfType<string>());
            throw new LockFileException(file, $"not a valid lock{(at.Length > 0 ? $" ({at})" : "")}: {Reason(e)}; "
                + "delete it and run 'snello lock' to write a new one", e);
        }

        if (lockFile is null)
        {
            throw new LockFileException(file, "the lock is JSON null; expected an object with 'lockVersion'");
        }

        lockFile.Check(file);
        return lockFile;
    }

    /// <summary>The lock as its file bytes: packages sorted, architectures sorted, final newline.</summary>
    /// <returns>UTF-8 JSON.</returns>
    /// <exception cref="LockFileException">The lock breaks a rule that <see cref="Parse"/> enforces.</exception>
    public byte[] ToJson()
    {
        Check("the lock being written");
        var sorted = this with
        {
            Architectures = new SortedDictionary<string, LockedArchitecture>(
                Architectures.ToDictionary(
                    a => a.Key,
                    a => a.Value with
                    {
                        Packages = Sorted(a.Value.Packages),
                        Toolbox = Sorted(a.Value.Toolbox),
                    }),
                StringComparer.Ordinal),
        };
        var bytes = JsonSerializer.SerializeToUtf8Bytes(sorted, TypeInfo);
        return [.. bytes, (byte)'\n'];
    }

    /// <summary>Whether two locks pin the same files, byte for byte as written.</summary>
    /// <param name="other">The other lock.</param>
    /// <returns>True when both write the same JSON.</returns>
    public bool SameContent(LockFile other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return ToJson().AsSpan().SequenceEqual(other.ToJson());
    }

    private static LockedPackage[] Sorted(IReadOnlyList<LockedPackage> packages) => [.. packages
        .OrderBy(p => p.Name, StringComparer.Ordinal)
        .ThenBy(p => p.Architecture, StringComparer.Ordinal)];

    /// <summary>Writes the lock to a file, through a temporary name so a reader never sees half a lock.</summary>
    /// <param name="path">The lock file.</param>
    /// <exception cref="LockFileException">The lock breaks a rule that <see cref="Parse"/> enforces.</exception>
    /// <exception cref="IOException">The file cannot be written.</exception>
    public void Save(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var temporary = path + ".tmp-" + Guid.NewGuid().ToString("N");
        File.WriteAllBytes(temporary, ToJson());
        File.Move(temporary, path, overwrite: true);
    }

    private static string Reason(JsonException e)
    {
        // System.Text.Json appends "Path: ... | LineNumber: ..." to its messages; the location is given apart.
        var message = e.Message;
        var cut = message.IndexOf(" Path: ", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).TrimEnd('.');
    }
}
