using System.Text;
using Snello.Analysis.Libraries;

namespace Snello.Build.Slimming;

/// <summary>
/// Keeps the package records of the packages whose files a slimmed image still holds, so scanners list
/// those packages and no others: /var/lib/dpkg/status rewritten to their paragraphs (with their .list and
/// .md5sums files), or the distroless-style /var/lib/dpkg/status.d/PACKAGE records.
/// </summary>
internal static class DpkgRecords
{
    public const string StatusPath = "/var/lib/dpkg/status";
    private const string InfoPath = "/var/lib/dpkg/info";
    private const string StatusDirectory = "/var/lib/dpkg/status.d";

    /// <summary>True for files whose whole content the records need read ahead.</summary>
    public static bool NeedsContent(string path) =>
        path == StatusPath.TrimStart('/')
        || (path.StartsWith(InfoPath.TrimStart('/') + "/", StringComparison.Ordinal)
            && (path.EndsWith(".list", StringComparison.Ordinal)
                || path.EndsWith(".md5sums", StringComparison.Ordinal)))
        || path.StartsWith(StatusDirectory.TrimStart('/') + "/", StringComparison.Ordinal);

    /// <summary>
    /// Adds the records of kept packages to <paramref name="keep"/> and returns the rewritten status file's
    /// content, or null when the image has no status file.
    /// </summary>
    public static byte[]? Apply(KeepSet keep, IFileLookup files)
    {
        var canonical = new Dictionary<string, string?>(StringComparer.Ordinal);
        var kept = keep.Reasons.Where(r => files.Stat(r.Key)?.Kind is not FileLookupKind.Directory)
            .Select(r => r.Key).ToHashSet(StringComparer.Ordinal);
        byte[]? status = null;
        if (ChrootPath.Resolve(files, StatusPath) is { } statusReal && files.ReadAllBytes(statusReal) is { } bytes)
        {
            var paragraphs = new List<string>();
            foreach (var paragraph in Encoding.UTF8.GetString(bytes).Split("\n\n"))
            {
                var name = Field(paragraph, "Package");
                if (name is null)
                {
                    continue;
                }

                var arch = Field(paragraph, "Architecture");
                var lists = new[] { $"{InfoPath}/{name}.list", $"{InfoPath}/{name}:{arch}.list" };
                var list = lists.Select(l => (Path: l, Bytes: files.ReadAllBytes(l)))
                    .FirstOrDefault(l => l.Bytes is not null);
                if (list.Bytes is null || !Owns(list.Bytes, kept, files, canonical))
                {
                    continue;
                }

                paragraphs.Add(paragraph.Trim('\n'));
                var stem = list.Path[..^".list".Length];
                var why = $"package record of '{name}', which owns kept files";
                keep.AddResolved(list.Path, why);
                keep.AddResolved(stem + ".md5sums", why);
            }

            status = Encoding.UTF8.GetBytes(string.Join("\n\n", paragraphs) + (paragraphs.Count > 0 ? "\n" : ""));
            keep.AddResolved(StatusPath, "package database, rewritten to the kept packages");
        }

        if (ChrootPath.Resolve(files, StatusDirectory) is { } statusD)
        {
            foreach (var name in files.List(statusD).Where(n => !n.EndsWith(".md5sums", StringComparison.Ordinal)))
            {
                var sums = files.ReadAllBytes($"{statusD}/{name}.md5sums");
                if (sums is null || OwnsBySums(sums, kept, files, canonical))
                {
                    var why = $"package record of '{name}', which owns kept files";
                    keep.AddResolved($"{statusD}/{name}", why);
                    keep.AddResolved($"{statusD}/{name}.md5sums", why);
                }
            }
        }

        return status;
    }

    private static string? Field(string paragraph, string name)
    {
        foreach (var line in paragraph.Split('\n'))
        {
            if (line.StartsWith(name + ":", StringComparison.Ordinal))
            {
                return line[(name.Length + 1)..].Trim();
            }
        }

        return null;
    }

    private static bool Owns(byte[] list, HashSet<string> kept, IFileLookup files,
        Dictionary<string, string?> canonical) =>
        Encoding.UTF8.GetString(list).Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith('/'))
            .Any(p => IsKept(p, kept, files, canonical));

    private static bool OwnsBySums(byte[] sums, HashSet<string> kept, IFileLookup files,
        Dictionary<string, string?> canonical) =>
        Encoding.UTF8.GetString(sums).Split('\n').Where(l => l.Length > 34)
            .Any(l => IsKept("/" + l[34..].Trim(), kept, files, canonical));

    /// <summary>
    /// True when the packaged path is kept: its parent is resolved inside the image (packages name
    /// '/lib/...' where a merged-/usr image has '/usr/lib/...'), the name itself is not followed.
    /// </summary>
    private static bool IsKept(string path, HashSet<string> kept, IFileLookup files,
        Dictionary<string, string?> canonical)
    {
        var parent = ChrootPath.Parent(path);
        if (!canonical.TryGetValue(parent, out var real))
        {
            real = ChrootPath.Resolve(files, parent);
            canonical[parent] = real;
        }

        return real is not null && kept.Contains(ChrootPath.Join(real, path[(path.LastIndexOf('/') + 1)..]));
    }
}
