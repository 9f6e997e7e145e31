namespace Snello.Build.Assembly;

/// <summary>A file or folder from the host copied into the image.</summary>
/// <param name="Source">The host path. A folder is copied recursively, its symlinks kept as links.</param>
/// <param name="Destination">The absolute image path: the file's own path, or the folder that receives the
/// source folder's contents.</param>
/// <param name="Mode">Permission bits for regular files (for a folder: every regular file in it); null keeps
/// the host file's bits. Folders copied from the host keep their host bits.</param>
/// <param name="Uid">The owner of every copied entry (default 0).</param>
/// <param name="Gid">The group of every copied entry (default 0).</param>
public sealed record FileInput(string Source, string Destination, int? Mode = null, int Uid = 0, int Gid = 0);
