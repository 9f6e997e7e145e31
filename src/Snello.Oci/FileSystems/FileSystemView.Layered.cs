namespace Snello.Oci.FileSystems;

/// <summary>
/// Applying a layer member by member, as a single-pass export reads it: whiteouts and opaque markers arrive
/// between the members they must not touch.
/// </summary>
public sealed partial class FileSystemView
{
    /// <summary>
    /// Applies the whiteout of <paramref name="path"/> met while reading layer <paramref name="layer"/>. It
    /// deletes only what the layers below put there (layer.md: whiteouts apply to lower layers), so a member of
    /// this layer at that path, read before the whiteout, survives it.
    /// </summary>
    internal static void WhiteOutLower(TreeNode root, string path, int layer, ITreeObserver? observer)
    {
        var parent = ResolveNode(root, TarPaths.Parent(path), followFinal: true, create: null, path);
        if (parent?.Children is { } children && children.TryGetValue(TarPaths.Name(path), out var node))
        {
            HideLower(parent, node, layer, observer);
        }
    }

    /// <summary>
    /// Applies the opaque marker of <paramref name="directory"/> met while reading layer <paramref name="layer"/>:
    /// everything the layers below put in it goes, what this layer put there stays.
    /// </summary>
    internal static void MakeOpaqueLower(TreeNode root, string directory, int layer, ITreeObserver? observer)
    {
        var node = ResolveNode(root, directory, followFinal: true, create: null, directory);
        if (node?.Children is not null)
        {
            PruneLower(node, layer, observer);
        }
    }

    private static void PruneLower(TreeNode directory, int layer, ITreeObserver? observer)
    {
        foreach (var child in directory.Children!.Values.ToList())
        {
            HideLower(directory, child, layer, observer);
        }
    }

    private static void HideLower(TreeNode parent, TreeNode node, int layer, ITreeObserver? observer)
    {
        if (node.Entry!.LayerIndex == layer)
        {
            if (node.IsDirectory)
            {
                PruneLower(node, layer, observer);
            }

            return;
        }

        if (node.IsDirectory && HoldsMemberOf(node, layer))
        {
            // Had the whiteout come first, this layer's members below would have made the directory anew.
            node.Entry = ImpliedDirectory(layer) with { Path = node.Path };
            PruneLower(node, layer, observer);
            return;
        }

        parent.RemoveChild(node.Name, observer);
    }

    private static bool HoldsMemberOf(TreeNode directory, int layer)
    {
        var pending = new Stack<TreeNode>();
        pending.Push(directory);
        while (pending.TryPop(out var node))
        {
            foreach (var child in node.Children!.Values)
            {
                if (child.Entry!.LayerIndex == layer)
                {
                    return true;
                }

                if (child.IsDirectory)
                {
                    pending.Push(child);
                }
            }
        }

        return false;
    }
}
