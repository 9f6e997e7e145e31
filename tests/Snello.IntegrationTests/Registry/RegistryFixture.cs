namespace Snello.IntegrationTests.Registry;

/// <summary>
/// One registry per test class, started on first use (inside a test, so a missing docker-registry skips the
/// test instead of failing the class).
/// </summary>
public class RegistryFixture : IDisposable
{
    private readonly Lock _gate = new();
    private RegistryServer? _server;

    public RegistryServer Server
    {
        get
        {
            lock (_gate)
            {
                return _server ??= Start();
            }
        }
    }

    protected virtual RegistryServer Start() => RegistryServer.Start();

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _server?.Dispose();
        }
    }
}
