namespace Snello.Build.Slimming;

/// <summary>The files any program may read whatever its libraries: users, name service, time, trust.</summary>
internal sealed partial class KeepSetBuilder
{
    /// <summary>Folders kept whole when present: CA certificates, OpenSSL's configuration, time zones.</summary>
    private static readonly string[] EssentialTrees =
    [
        "/etc/ssl", "/usr/lib/ssl", "/usr/share/ca-certificates", "/usr/local/share/ca-certificates",
        "/etc/pki", "/usr/share/zoneinfo", "/etc/ld.so.conf.d",
    ];

    /// <summary>
    /// Files kept when present: user and group databases, the name service and resolver configuration,
    /// the loader's cache, the time zone, the OS identity (and the file its symlink leads to).
    /// </summary>
    private static readonly string[] EssentialFiles =
    [
        "/etc/passwd", "/etc/group", "/etc/shadow", "/etc/gshadow", "/etc/nsswitch.conf", "/etc/os-release",
        "/etc/hosts", "/etc/host.conf", "/etc/resolv.conf", "/etc/hostname", "/etc/gai.conf", "/etc/services",
        "/etc/protocols", "/etc/networks", "/etc/localtime", "/etc/timezone", "/etc/ld.so.cache",
        "/etc/ld.so.conf", "/etc/ca-certificates.conf", "/etc/mtab", "/tmp", "/var/tmp",
    ];

    private void AddEssentials()
    {
        foreach (var tree in EssentialTrees)
        {
            keep.AddTree(tree, "essential: certificates, time zones and loader configuration");
        }

        foreach (var file in EssentialFiles)
        {
            keep.AddResolved(file, "essential: users, name service, time zone and OS identity");
        }

        if (!string.IsNullOrEmpty(config?.WorkingDir))
        {
            keep.AddResolved(config.WorkingDir, "the working directory");
        }
    }
}
