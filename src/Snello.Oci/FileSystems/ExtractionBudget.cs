namespace Snello.Oci.FileSystems;

/// <summary>What is left of the <see cref="ExtractionLimits"/> while the layers of one image are read.</summary>
internal sealed class ExtractionBudget(ExtractionLimits limits)
{
    private long _bytes;
    private long _entries;

    public ExtractionLimits Limits { get; } = limits;

    public void AddBytes(long count, string layer)
    {
        _bytes += count;
        if (_bytes > Limits.MaxUncompressedBytes)
        {
            throw new LimitExceededException(layer, "uncompressed size", Limits.MaxUncompressedBytes, "--max-size");
        }
    }

    public void AddEntry(string layer)
    {
        _entries++;
        if (_entries > Limits.MaxEntries)
        {
            throw new LimitExceededException(layer, "entry count", Limits.MaxEntries, "--max-entries");
        }
    }
}
