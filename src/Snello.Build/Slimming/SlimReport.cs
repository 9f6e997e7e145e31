namespace Snello.Build.Slimming;

/// <summary>What slimming did: sizes before and after, and every path kept or removed with its reason.</summary>
public sealed record SlimReport
{
    /// <summary>The program the entrypoint and cmd start, as resolved in the image.</summary>
    public required string Program { get; init; }

    /// <summary>The sum of the source layers' uncompressed tar sizes.</summary>
    public required long UncompressedBefore { get; init; }

    /// <summary>The sum of the source layers' stored (compressed) sizes.</summary>
    public required long CompressedBefore { get; init; }

    /// <summary>The uncompressed size of the one new layer.</summary>
    public required long UncompressedAfter { get; init; }

    /// <summary>The gzip-compressed size of the new layer.</summary>
    public required long CompressedAfter { get; init; }

    /// <summary>Every path of the new image, sorted, with the reason it was kept.</summary>
    public required IReadOnlyList<SlimPath> Kept { get; init; }

    /// <summary>Every path of the source's squashed tree not in the new image, sorted, with the reason.</summary>
    public required IReadOnlyList<SlimPath> Removed { get; init; }

    /// <summary>Libraries or interpreters the image does not hold, by name, with what needs them.</summary>
    public required IReadOnlyList<string> Unresolved { get; init; }

    /// <summary>Things a person should know: an entrypoint that could not be analysed, broken ELF files.</summary>
    public required IReadOnlyList<string> Warnings { get; init; }
}
