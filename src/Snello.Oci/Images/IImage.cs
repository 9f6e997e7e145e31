using Snello.Oci.Model;

namespace Snello.Oci.Images;

/// <summary>A single-platform image: manifest, config and layers. Read-only; edits make new images.</summary>
public interface IImage : IManifestArtifact
{
    /// <summary>The parsed manifest.</summary>
    ImageManifest Manifest { get; }

    /// <summary>The config exactly as stored.</summary>
    ReadOnlyMemory<byte> RawConfig { get; }

    /// <summary>The parsed config.</summary>
    ImageConfig Config { get; }

    /// <summary>The layers, base first, each paired with its diff ID from the config.</summary>
    IReadOnlyList<ILayer> Layers { get; }
}
