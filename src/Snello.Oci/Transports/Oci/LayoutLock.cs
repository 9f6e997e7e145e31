namespace Snello.Oci.Transports.Oci;

/// <summary>
/// An exclusive lock on a layout's <c>index.json</c>, held through a lock file opened without sharing. The
/// file is left in place: deleting it would let a third writer lock a fresh file while the second holds the old.
/// </summary>
internal sealed class LayoutLock : IAsyncDisposable
{
    private readonly FileStream _file;

    private LayoutLock(FileStream file) => _file = file;

    public static async Task<LayoutLock> AcquireAsync(string path, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                return new LayoutLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite,
                    FileShare.None));
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(20, cancellationToken).ConfigureAwait(false);
            }
            catch (IOException e)
            {
                throw new IOException($"lock '{path}' is still held by another process after 60 s", e);
            }
        }
    }

    public ValueTask DisposeAsync() => _file.DisposeAsync();
}
