namespace Snello.Oci.FileSystems;

/// <summary>
/// Told of every change to the shape of a squashed tree while layers are applied, so a directory export can
/// make the same change on disk as it reads each layer once.
/// </summary>
internal interface ITreeObserver
{
    /// <summary><paramref name="node"/> and everything under it leave the tree.</summary>
    void Removing(TreeNode node);

    /// <summary><paramref name="node"/> was added (a regular file before its content is read).</summary>
    void Added(TreeNode node);
}
