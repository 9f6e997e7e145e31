using System.Collections.Concurrent;
using Snello.Oci.Registry;

namespace Snello.Oci.Transports.Registry;

/// <summary>
/// One <see cref="RegistryClient"/> per registry and options for the life of the process, so the readers and
/// writers of one command share connections and tokens.
/// </summary>
internal static class RegistryClientPool
{
    private static readonly ConcurrentDictionary<(string Registry, RegistryClientOptions? Options), RegistryClient>
        Clients = new();

    public static RegistryClient Get(string registry, TransportOptions options) =>
        Clients.GetOrAdd((registry, options.Registry), key => new RegistryClient(key.Registry, key.Options ??
            new RegistryClientOptions
            {
                Credentials = new DockerConfig(logger: options.Logger),
                Logger = options.Logger,
            }));
}
