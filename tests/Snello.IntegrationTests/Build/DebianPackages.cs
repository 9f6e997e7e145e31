using Snello.Build.Assembly;
using Snello.Debian.Packages;
using Snello.IntegrationTests.Infrastructure;

namespace Snello.IntegrationTests.Build;

/// <summary>
/// Real bookworm .debs, fetched once per run with the host's <c>apt-get download</c> (so from the host's own
/// apt sources) into a shared folder under the temp folder.
/// </summary>
internal static class DebianPackages
{
    /// <summary>The set of distroless's base image on bookworm, near enough: static plus glibc and OpenSSL.</summary>
    public static readonly string[] BaseSet =
    [
        "base-files", "ca-certificates", "libc6", "libgcc-s1", "libssl3", "media-types", "netbase", "tzdata",
    ];

    private static readonly string Folder = Path.Combine(Path.GetTempPath(), "snello-it-debs");

    private static readonly Lock Gate = new();

    /// <summary>The packages as assembly inputs, downloading what is missing; skips where apt-get is absent.</summary>
    public static IReadOnlyList<PackageInput> Get(params string[] names)
    {
        var aptGet = Components.RequireTool("apt-get", "apt");
        lock (Gate)
        {
            Directory.CreateDirectory(Folder);
            var missing = names.Where(n => Find(n) is null).ToArray();
            if (missing.Length > 0)
            {
                var result = ProcessRunner.Run(aptGet, ["download", .. missing], workingDirectory: Folder);
                if (result.ExitCode != 0)
                {
                    Unavailable($"apt-get download {string.Join(' ', missing)} failed (no mirror "
                        + $"reachable?): {result.Stderr}");
                }
            }

            return names.Select(n =>
            {
                var path = Find(n) ?? throw new InvalidOperationException($"'{n}' was not downloaded");
                using var stream = File.OpenRead(path);
                return new PackageInput(DebPackage.Read(stream, path).Control, path);
            }).ToList();
        }
    }

    private static void Unavailable(string why)
    {
        if (Components.InCi)
        {
            Assert.Fail(why);
        }

        Assert.Skip(why);
    }

    private static string? Find(string name) =>
        Directory.EnumerateFiles(Folder, name + "_*.deb").Order(StringComparer.Ordinal).LastOrDefault();
}
