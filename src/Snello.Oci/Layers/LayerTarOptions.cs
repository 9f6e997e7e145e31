namespace Snello.Oci.Layers;

/// <summary>How <see cref="LayerTarWriter"/> writes a layer.</summary>
public sealed record LayerTarOptions
{
    /// <summary>
    /// The modification time every member gets, for reproducible layers (a build passes
    /// <c>SOURCE_DATE_EPOCH</c>, for example). Null keeps each member's own time. Sub-second parts are kept
    /// through a PAX record.
    /// </summary>
    public DateTimeOffset? ModificationTime { get; init; }

    /// <summary>Whether <see cref="LayerTarWriter.WriteDirectoryAsync"/> reads xattrs from disk (default on).</summary>
    public bool IncludeXattrs { get; init; } = true;
}
