using System.Net;

namespace Snello.Oci.Registry;

/// <summary>Which scheme a registry host is spoken to with, and where its CA certificates are.</summary>
public static class RegistryHosts
{
    /// <summary>
    /// The folders searched for <c>HOST[:PORT]/</c> CA folders: those listed in <c>SNELLO_CERTS_D</c>
    /// (colon-separated) first, then Docker's <c>/etc/docker/certs.d</c> and Podman's
    /// <c>/etc/containers/certs.d</c>.
    /// </summary>
    public static IReadOnlyList<string> DefaultCertificateRoots()
    {
        var roots = new List<string>();
        var extra = Environment.GetEnvironmentVariable("SNELLO_CERTS_D");
        if (!string.IsNullOrEmpty(extra))
        {
            roots.AddRange(extra.Split(':', StringSplitOptions.RemoveEmptyEntries));
        }

        roots.Add("/etc/docker/certs.d");
        roots.Add("/etc/containers/certs.d");
        return roots;
    }

    /// <summary>
    /// The CA folders configured for a registry: <c>ROOT/HOST:PORT</c>, and for a registry with a port also
    /// <c>ROOT/HOST</c> (Podman's lookup), that exist.
    /// </summary>
    public static IReadOnlyList<string> CertificateFolders(string registry, IReadOnlyList<string> roots)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(roots);
        var names = new List<string> { registry };
        var host = HostOf(registry);
        if (host != registry)
        {
            names.Add(host);
        }

        return roots.SelectMany(root => names.Select(name => Path.Combine(root, name)))
            .Where(Directory.Exists)
            .ToList();
    }

    /// <summary>
    /// Whether a registry is on this machine: <c>localhost</c>, 127.0.0.0/8 or ::1, with or without a port.
    /// Docker treats these as insecure registries by default; so does Snello.
    /// </summary>
    public static bool IsLoopback(string registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var host = HostOf(registry);
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase) ||
            host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address);
    }

    /// <summary>
    /// <c>http</c> for a loopback registry without a CA folder, or for any registry when insecure; <c>https</c>
    /// otherwise. A CA folder for a loopback registry means it serves TLS, so it is used.
    /// </summary>
    public static string SchemeFor(string registry, bool insecure, IReadOnlyList<string> certificateRoots)
    {
        if (insecure)
        {
            return "http";
        }

        return IsLoopback(registry) && CertificateFolders(registry, certificateRoots).Count == 0 ? "http" : "https";
    }

    /// <summary>The host of <c>HOST[:PORT]</c> or <c>[V6]:PORT</c>, without the port.</summary>
    public static string HostOf(string registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        if (registry.StartsWith('['))
        {
            var close = registry.IndexOf(']', StringComparison.Ordinal);
            return close < 0 ? registry : registry[..(close + 1)];
        }

        var colon = registry.LastIndexOf(':');
        return colon < 0 ? registry : registry[..colon];
    }
}
