using System.Text;
using Snello.Oci.FileSystems;
using Snello.Oci.Images;

namespace Snello.Build.Assembly;

/// <summary>What the assembly needs to know of a base image's files.</summary>
/// <param name="MergedUsr">Whether to use the merged-/usr layout: true without a base, and with a base whose
/// <c>/bin</c> is not a real folder (a symlink over a folder would hide the base's files).</param>
/// <param name="TopLevel">The base's top-level names, which get no merged-/usr symlink.</param>
/// <param name="Users">The base's passwd entries.</param>
/// <param name="Groups">The base's group entries.</param>
/// <param name="HasOsRelease">Whether the base has <c>/etc/os-release</c>.</param>
/// <param name="HasNsSwitch">Whether the base has <c>/etc/nsswitch.conf</c>.</param>
internal sealed record BaseFacts(bool MergedUsr, IReadOnlySet<string> TopLevel, IReadOnlyList<UserEntry> Users,
    IReadOnlyList<GroupEntry> Groups, bool HasOsRelease, bool HasNsSwitch)
{
    public static BaseFacts None { get; } = new(true, new HashSet<string>(), [], [], false, false);

    public static async Task<BaseFacts> ReadAsync(IImage image, CancellationToken cancellationToken)
    {
        var view = await FileSystemView.BuildAsync(image, ExtractionLimits.Default, cancellationToken)
            .ConfigureAwait(false);
        var top = view.List("/").Select(e => ImagePath.Normalize(e.Path)).ToHashSet(StringComparer.Ordinal);
        var merged = view.Get("/bin") is not { Type: EntryType.Directory };
        var passwd = await ReadTextAsync(view, "/etc/passwd", cancellationToken).ConfigureAwait(false);
        var group = await ReadTextAsync(view, "/etc/group", cancellationToken).ConfigureAwait(false);
        return new BaseFacts(merged, top, passwd is null ? [] : Accounts.ParsePasswd(passwd),
            group is null ? [] : Accounts.ParseGroup(group), view.Resolve("/etc/os-release") is not null,
            view.Resolve("/etc/nsswitch.conf") is not null);
    }

    private static async Task<string?> ReadTextAsync(FileSystemView view, string path,
        CancellationToken cancellationToken)
    {
        if (view.Resolve(path) is not { Type: EntryType.RegularFile })
        {
            return null;
        }

        var stream = await view.OpenReadAsync(path, cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var reader = new StreamReader(stream, Encoding.UTF8);
            return await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
