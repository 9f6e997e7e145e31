using Snello.Debian.Versions;

namespace Snello.Build.Locking;

/// <summary>The rules a lock's fields follow beyond their JSON types.</summary>
public sealed partial record LockFile
{
    private void Check(string file)
    {
        if (LockVersion != CurrentVersion)
        {
            throw new LockFileException(file, $"lockVersion {LockVersion} is not supported; expected "
                + $"{CurrentVersion} (run 'snello lock' to write a lock this version reads)");
        }

        if (!IsDigest(Spec))
        {
            throw new LockFileException(file, $"spec '{Spec}' is not a digest; expected sha256: and 64 lowercase "
                + "hex digits");
        }

        if (string.IsNullOrWhiteSpace(Distribution))
        {
            throw new LockFileException(file, "distribution is empty; expected a suite such as bookworm");
        }

        if (Architectures.Count == 0)
        {
            throw new LockFileException(file, "architectures is empty; expected at least one, such as amd64");
        }

        foreach (var (architecture, locked) in Architectures)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < locked.Packages.Count; i++)
            {
                var package = locked.Packages[i];
                var at = $"architectures.{architecture}.packages[{i}]";
                CheckPackage(file, at, architecture, package);
                if (!seen.Add(package.Name))
                {
                    throw new LockFileException(file, $"{at}: package '{package.Name}' is pinned twice for "
                        + $"{architecture}");
                }
            }

            for (var i = 0; i < (locked.Toolbox ?? []).Count; i++)
            {
                CheckPackage(file, $"architectures.{architecture}.toolbox[{i}]", architecture, locked.Toolbox![i]);
            }
        }
    }

    private static void CheckPackage(string file, string at, string architecture, LockedPackage package)
    {
        if (package is null)
        {
            throw new LockFileException(file, $"{at} is null; expected a package object");
        }

        if (string.IsNullOrWhiteSpace(package.Name))
        {
            throw new LockFileException(file, $"{at}.name is empty; expected a package name");
        }

        try
        {
            _ = DebianVersion.Parse(package.Version);
        }
        catch (DebianVersionFormatException e)
        {
            throw new LockFileException(file, $"{at}.version '{package.Version}' is not a Debian version: "
                + e.Message, e);
        }

        if (package.Architecture != architecture && package.Architecture != "all")
        {
            throw new LockFileException(file, $"{at}.architecture '{package.Architecture}' does not belong "
                + $"under {architecture}; expected '{architecture}' or 'all'");
        }

        if (package.Sha256.Length != 64 || !package.Sha256.All(char.IsAsciiHexDigitLower))
        {
            throw new LockFileException(file, $"{at}.sha256 '{package.Sha256}' is not a SHA-256; expected 64 "
                + "lowercase hex digits");
        }

        var segments = package.Filename.Split('/');
        if (package.Filename.Length == 0 || package.Filename.StartsWith('/') || segments.Contains("..")
            || segments.Contains(""))
        {
            throw new LockFileException(file, $"{at}.filename '{package.Filename}' is not a path in a "
                + "repository; expected a relative path such as pool/main/g/glibc/libc6_2.36-9_amd64.deb");
        }

        if (package.Size < 0)
        {
            throw new LockFileException(file, $"{at}.size {package.Size} is negative; expected the file's size");
        }

        if (string.IsNullOrWhiteSpace(package.Repository))
        {
            throw new LockFileException(file, $"{at}.repository is empty; expected a name such as bookworm");
        }
    }

    private static bool IsDigest(string value) =>
        value.Length == 71 && value.StartsWith("sha256:", StringComparison.Ordinal)
        && value[7..].All(char.IsAsciiHexDigitLower);
}
