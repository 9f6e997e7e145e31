namespace Snello.Oci.FileSystems;

/// <summary>What one tar member of a layer means for the filesystem (OCI image spec, layer.md).</summary>
internal readonly record struct LayerMember(LayerMemberKind Kind, string Path, FileEntry? Entry);
