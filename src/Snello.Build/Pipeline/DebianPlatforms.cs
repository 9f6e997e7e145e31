using Snello.Oci.Model;

namespace Snello.Build.Pipeline;

/// <summary>Debian architecture names and the OCI platforms they build for.</summary>
public static class DebianPlatforms
{
    /// <summary>The OCI platform of a Debian architecture name.</summary>
    /// <exception cref="ArgumentException">The architecture has no OCI counterpart here.</exception>
    public static Platform ToOci(string architecture) => architecture switch
    {
        "amd64" => new Platform { Os = "linux", Architecture = "amd64" },
        "arm64" => new Platform { Os = "linux", Architecture = "arm64", Variant = "v8" },
        "armhf" => new Platform { Os = "linux", Architecture = "arm", Variant = "v7" },
        "armel" => new Platform { Os = "linux", Architecture = "arm", Variant = "v5" },
        "i386" => new Platform { Os = "linux", Architecture = "386" },
        "ppc64el" => new Platform { Os = "linux", Architecture = "ppc64le" },
        "s390x" => new Platform { Os = "linux", Architecture = "s390x" },
        "riscv64" => new Platform { Os = "linux", Architecture = "riscv64" },
        _ => throw new ArgumentException(
            $"Debian architecture '{architecture}' has no OCI platform; expected amd64, arm64, armhf, armel, " +
            "i386, ppc64el, s390x or riscv64", nameof(architecture)),
    };

    /// <summary>The Debian architecture name of an OCI architecture and variant.</summary>
    /// <exception cref="ArgumentException">The platform has no Debian counterpart here.</exception>
    public static string FromOci(string architecture, string? variant) => (architecture, variant) switch
    {
        ("amd64", _) => "amd64",
        ("arm64", _) => "arm64",
        ("arm", "v5") => "armel",
        ("arm", _) => "armhf",
        ("386", _) => "i386",
        ("ppc64le", _) => "ppc64el",
        ("s390x", _) => "s390x",
        ("riscv64", _) => "riscv64",
        _ => throw new ArgumentException(
            $"platform architecture '{architecture}' has no Debian architecture; expected amd64, arm64, arm, " +
            "386, ppc64le, s390x or riscv64", nameof(architecture)),
    };
}
