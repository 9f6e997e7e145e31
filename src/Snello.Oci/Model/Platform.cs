using System.Runtime.InteropServices;
using System.Text.Json.Serialization;

namespace Snello.Oci.Model;

/// <summary>The platform an image runs on (OCI image spec, image-index.md).</summary>
public sealed record Platform
{
    /// <summary>The operating system, such as <c>linux</c>.</summary>
    [JsonPropertyName("os")]
    public required string Os { get; init; }

    /// <summary>The CPU architecture in Go's names, such as <c>amd64</c> or <c>arm64</c>.</summary>
    [JsonPropertyName("architecture")]
    public required string Architecture { get; init; }

    /// <summary>The CPU variant, such as <c>v8</c> for arm64 or <c>v7</c> for arm.</summary>
    [JsonPropertyName("variant")]
    public string? Variant { get; init; }

    /// <summary>The operating system version (Windows images).</summary>
    [JsonPropertyName("os.version")]
    public string? OsVersion { get; init; }

    /// <summary>Required operating system features (Windows images).</summary>
    [JsonPropertyName("os.features")]
    public IReadOnlyList<string>? OsFeatures { get; init; }

    /// <summary>The platform of the machine Snello runs on.</summary>
    public static Platform Host { get; } = new()
    {
        Os = "linux",
        Architecture = RuntimeInformation.OSArchitecture switch
        {
            System.Runtime.InteropServices.Architecture.X64 => "amd64",
            System.Runtime.InteropServices.Architecture.Arm64 => "arm64",
            System.Runtime.InteropServices.Architecture.Arm => "arm",
            System.Runtime.InteropServices.Architecture.X86 => "386",
            System.Runtime.InteropServices.Architecture.S390x => "s390x",
            System.Runtime.InteropServices.Architecture.Ppc64le => "ppc64le",
            System.Runtime.InteropServices.Architecture.RiscV64 => "riscv64",
            var other => other.ToString().ToLowerInvariant(),
        },
    };

    /// <summary>Parses <c>os/arch[/variant]</c>.</summary>
    /// <exception cref="FormatException">The text is not of that form; the message quotes it.</exception>
    public static Platform Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split('/');
        if (parts.Length is < 2 or > 3 || parts.Any(p => p.Length == 0 || p.Any(char.IsWhiteSpace)))
        {
            throw new FormatException($"invalid platform '{text}': expected 'os/arch' or 'os/arch/variant', " +
                "such as 'linux/amd64' or 'linux/arm64/v8'");
        }

        return new Platform
        {
            Os = parts[0].ToLowerInvariant(),
            Architecture = parts[1].ToLowerInvariant(),
            Variant = parts.Length == 3 ? parts[2].ToLowerInvariant() : null,
        };
    }

    /// <summary>
    /// Whether an image of <paramref name="candidate"/> satisfies a request for this platform. A request
    /// without a variant takes any variant; arm64's default variant is v8 and arm's is v7, as containerd has it.
    /// </summary>
    public bool Accepts(Platform candidate)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        if (!string.Equals(Os, candidate.Os, StringComparison.Ordinal) ||
            !string.Equals(Architecture, candidate.Architecture, StringComparison.Ordinal))
        {
            return false;
        }

        if (Variant is null)
        {
            return true;
        }

        return string.Equals(NormalVariant(this), NormalVariant(candidate), StringComparison.Ordinal);
    }

    private static string? NormalVariant(Platform p) => (p.Architecture, p.Variant) switch
    {
        ("arm64", null) => "v8",
        ("arm", null) => "v7",
        _ => p.Variant,
    };

    /// <inheritdoc />
    public override string ToString() => Variant is null ? $"{Os}/{Architecture}" : $"{Os}/{Architecture}/{Variant}";
}
