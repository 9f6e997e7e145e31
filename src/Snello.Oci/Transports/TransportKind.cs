namespace Snello.Oci.Transports;

/// <summary>The transports, named as skopeo names them.</summary>
public enum TransportKind
{
    /// <summary><c>docker://REF</c>: a registry; the default for a bare reference.</summary>
    Registry,

    /// <summary><c>oci:DIR[:TAG]</c>: an OCI image layout folder.</summary>
    OciLayout,

    /// <summary><c>oci-archive:FILE[:TAG]</c>: an OCI image layout in a tar file.</summary>
    OciArchive,

    /// <summary><c>docker-archive:FILE[:REF]</c>: what <c>docker save</c> writes.</summary>
    DockerArchive,

    /// <summary><c>docker-daemon:REF</c>: the Docker Engine API.</summary>
    DockerDaemon,

    /// <summary><c>dir:PATH</c>: a root filesystem on disk, read-only.</summary>
    Directory,
}
