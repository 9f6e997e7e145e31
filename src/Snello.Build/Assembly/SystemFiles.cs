using System.Text;

namespace Snello.Build.Assembly;

/// <summary>Files maintainer scripts would have made: nsswitch.conf, os-release, the CA bundle.</summary>
internal static class SystemFiles
{
    /// <summary>
    /// nsswitch.conf(5) for an image with no NSS modules beyond glibc's own: users and groups from files,
    /// hosts from files then DNS (libc-bin's postinst installs the same lookups on Debian).
    /// </summary>
    public static byte[] NsSwitch() => Encoding.UTF8.GetBytes(
        "passwd:         files\n" +
        "group:          files\n" +
        "shadow:         files\n" +
        "gshadow:        files\n" +
        "\n" +
        "hosts:          files dns\n" +
        "networks:       files\n" +
        "\n" +
        "protocols:      files\n" +
        "services:       files\n" +
        "ethers:         files\n" +
        "rpc:            files\n");

    /// <summary>
    /// os-release(5) for a Debian release without base-files, which would otherwise ship it; null for a
    /// codename this does not know.
    /// </summary>
    public static byte[]? OsRelease(string codename)
    {
        var version = codename switch
        {
            "bullseye" => "11",
            "bookworm" => "12",
            "trixie" => "13",
            "forky" => "14",
            _ => null,
        };
        var pretty = version is null ? $"Debian GNU/Linux ({codename})" : $"Debian GNU/Linux {version} ({codename})";
        var text = new StringBuilder()
            .Append("PRETTY_NAME=\"").Append(pretty).Append("\"\n")
            .Append("NAME=\"Debian GNU/Linux\"\n");
        if (version is not null)
        {
            text.Append("VERSION_ID=\"").Append(version).Append("\"\n")
                .Append("VERSION=\"").Append(version).Append(" (").Append(codename).Append(")\"\n");
        }

        text.Append("VERSION_CODENAME=").Append(codename).Append('\n').Append("ID=debian\n");
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>
    /// The bundle update-ca-certificates writes: each certificate file, in the sorted order of the
    /// ca-certificates.conf its postinst generates, with a newline added where a file lacks a final one.
    /// </summary>
    /// <param name="certificates">Files by their path below /usr/share/ca-certificates.</param>
    public static byte[] CaBundle(IReadOnlyDictionary<string, byte[]> certificates)
    {
        using var bundle = new MemoryStream();
        foreach (var (_, content) in certificates.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            bundle.Write(content);
            if (content.Length > 0 && content[^1] != (byte)'\n')
            {
                bundle.WriteByte((byte)'\n');
            }
        }

        return bundle.ToArray();
    }

    /// <summary>
    /// The status.d record for a package: its control paragraph with <c>Status: install ok installed</c> after
    /// the <c>Package</c> field, where dpkg's own status file has it. Trivy, Grype and Syft read these.
    /// </summary>
    public static byte[] StatusRecord(byte[] control)
    {
        var text = Encoding.UTF8.GetString(control).Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n');
        var lines = text.Split('\n').Where(l => !l.StartsWith("Status:", StringComparison.Ordinal)).ToList();
        var at = lines.FindIndex(l => l.StartsWith("Package:", StringComparison.Ordinal));
        lines.Insert(at + 1, "Status: install ok installed");
        return Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n");
    }
}
