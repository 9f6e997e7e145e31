using Snello.Oci.Transports.Archives;
using Snello.Oci.Transports.DockerArchive;
using Snello.Oci.Transports.DockerDaemon;
using Snello.Oci.Transports.Oci;

namespace Snello.Oci.Transports;

/// <summary>Opens readers and writers for image locations.</summary>
public static class ImageTransports
{
    /// <summary>A reader for the location.</summary>
    /// <exception cref="UnsupportedTransportException">This version cannot read that transport.</exception>
    public static IImageReader OpenReader(ImageLocation location, TransportOptions options)
    {
        ArgumentNullException.ThrowIfNull(location);
        ArgumentNullException.ThrowIfNull(options);
        return location.Kind switch
        {
            TransportKind.OciLayout => new OciLayoutReader(location, options.Logger),
            TransportKind.OciArchive => new OciArchiveReader(location),
            TransportKind.DockerArchive => new DockerArchiveReader(location),
            TransportKind.DockerDaemon => new DockerDaemonReader(location, options),
            TransportKind.Directory => new Directories.DirectoryReader(location, options),
            TransportKind.Registry => new Registry.RegistryReader(location, options),
            _ => throw NotYet(location),
        };
    }

    /// <summary>A writer for the location.</summary>
    /// <exception cref="UnsupportedTransportException">The transport is read-only, or not in this version.</exception>
    public static IImageWriter OpenWriter(ImageLocation location, TransportOptions options)
    {
        ArgumentNullException.ThrowIfNull(location);
        ArgumentNullException.ThrowIfNull(options);
        return location.Kind switch
        {
            TransportKind.OciLayout => new OciLayoutWriter(location, options.Logger),
            TransportKind.OciArchive => new OciArchiveWriter(location, options.Logger),
            TransportKind.DockerArchive => new DockerArchiveWriter(location),
            TransportKind.DockerDaemon => new DockerDaemonWriter(location, options),
            TransportKind.Directory => throw new UnsupportedTransportException(
                $"'{location}': dir: is read-only; write a root filesystem with 'snello export IMAGE DIR'"),
            TransportKind.Registry => new Registry.RegistryWriter(location, options),
            _ => throw NotYet(location),
        };
    }

    /// <summary>Whether the transport's format keeps a manifest (and so the manifest digest) of its own.</summary>
    public static bool KeepsManifest(TransportKind kind) =>
        kind is TransportKind.OciLayout or TransportKind.OciArchive or TransportKind.Registry;

    private static UnsupportedTransportException NotYet(ImageLocation location) => new(
        $"'{location}': the transport '{location.Kind}' is not in this version of snello");
}
