namespace Snello.Oci.Model;

/// <summary>The family of media types a manifest is written in.</summary>
public enum ManifestFormat
{
    /// <summary>The OCI image spec's types.</summary>
    Oci,

    /// <summary>Docker's image manifest v2, schema 2 types.</summary>
    Docker,
}
