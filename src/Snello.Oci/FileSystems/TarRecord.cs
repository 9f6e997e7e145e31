namespace Snello.Oci.FileSystems;

/// <summary>One tar member after PAX and GNU long-name headers are folded in; paths are still raw.</summary>
internal sealed class TarRecord
{
    public required string Name { get; init; }

    public required char TypeFlag { get; init; }

    public int Mode { get; init; }

    public long Uid { get; init; }

    public long Gid { get; init; }

    public string? UserName { get; init; }

    public string? GroupName { get; init; }

    public long Size { get; init; }

    public DateTimeOffset ModificationTime { get; init; }

    public string LinkName { get; init; } = string.Empty;

    public long DeviceMajor { get; init; }

    public long DeviceMinor { get; init; }

    public Dictionary<string, byte[]>? Xattrs { get; init; }

    /// <summary>The position of the member among the archive's members, counting from 0.</summary>
    public int Ordinal { get; init; }
}
