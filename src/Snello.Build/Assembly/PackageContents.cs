using Snello.Debian.Packages;

namespace Snello.Build.Assembly;

/// <summary>One .deb read into memory: control files, the entries to install, and every file's bytes.</summary>
/// <param name="Name">The package name.</param>
/// <param name="Deb">The control information.</param>
/// <param name="Entries">The data.tar members to install, paths mapped and excluded ones left out.</param>
/// <param name="Excluded">Members the globs left out, by mapped path, for folders and hard link targets that
/// kept entries still need.</param>
/// <param name="CaCertificates">Every <c>.crt</c> under <c>/usr/share/ca-certificates</c> by its path below
/// that folder, excluded or not: the CA bundle is made from them.</param>
internal sealed record PackageContents(
    string Name,
    DebPackage Deb,
    IReadOnlyList<StagedEntry> Entries,
    IReadOnlyDictionary<string, StagedEntry> Excluded,
    IReadOnlyDictionary<string, byte[]> CaCertificates);
