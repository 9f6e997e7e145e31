namespace Snello.Oci.FileSystems;

/// <summary>The kinds of <see cref="LayerMember"/>.</summary>
internal enum LayerMemberKind
{
    /// <summary>Nothing to apply: the root itself, aufs bookkeeping, a volume label.</summary>
    None,

    /// <summary>An entry to add.</summary>
    Entry,

    /// <summary>A whiteout: the path is deleted from the layers below.</summary>
    Whiteout,

    /// <summary>An opaque marker: the directory's content from the layers below is hidden.</summary>
    Opaque,
}
