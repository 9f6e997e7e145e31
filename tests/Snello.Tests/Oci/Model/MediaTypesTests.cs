using Snello.Oci.Model;

namespace Snello.Tests.Oci.Model;

public sealed class MediaTypesTests
{
    [Theory]
    [InlineData(MediaTypes.OciIndex, true)]
    [InlineData(MediaTypes.DockerManifestList, true)]
    [InlineData(MediaTypes.OciManifest, false)]
    [InlineData(MediaTypes.DockerManifest, false)]
    [InlineData("application/json", false)]
    [InlineData(null, false)]
    public void IsIndex_recognises_indexes_and_manifest_lists(string? mediaType, bool expected)
    {
        Assert.Equal(expected, MediaTypes.IsIndex(mediaType));
    }

    [Theory]
    [InlineData(MediaTypes.OciManifest, true)]
    [InlineData(MediaTypes.DockerManifest, true)]
    [InlineData(MediaTypes.OciIndex, false)]
    [InlineData(MediaTypes.DockerManifestList, false)]
    [InlineData(MediaTypes.OciConfig, false)]
    [InlineData(null, false)]
    public void IsManifest_recognises_single_image_manifests(string? mediaType, bool expected)
    {
        Assert.Equal(expected, MediaTypes.IsManifest(mediaType));
    }

    [Theory]
    [InlineData(MediaTypes.OciLayer, true, false)]
    [InlineData(MediaTypes.OciLayerGzip, true, false)]
    [InlineData(MediaTypes.OciLayerZstd, true, false)]
    [InlineData(MediaTypes.OciForeignLayer, true, true)]
    [InlineData(MediaTypes.OciForeignLayerGzip, true, true)]
    [InlineData(MediaTypes.OciForeignLayerZstd, true, true)]
    [InlineData(MediaTypes.DockerLayer, true, false)]
    [InlineData(MediaTypes.DockerLayerGzip, true, false)]
    [InlineData(MediaTypes.DockerForeignLayer, true, true)]
    [InlineData(MediaTypes.OciConfig, false, false)]
    [InlineData(MediaTypes.DockerConfig, false, false)]
    [InlineData(MediaTypes.OciEmpty, false, false)]
    [InlineData(MediaTypes.OciManifest, false, false)]
    [InlineData(null, false, false)]
    public void IsLayer_and_IsForeignLayer_recognise_filesystem_layers(string? mediaType, bool layer, bool foreign)
    {
        Assert.Equal(layer, MediaTypes.IsLayer(mediaType));
        Assert.Equal(foreign, MediaTypes.IsForeignLayer(mediaType));
    }

    [Theory]
    [InlineData(MediaTypes.OciLayer, Compression.None)]
    [InlineData(MediaTypes.OciLayerGzip, Compression.Gzip)]
    [InlineData(MediaTypes.OciLayerZstd, Compression.Zstd)]
    [InlineData(MediaTypes.OciForeignLayer, Compression.None)]
    [InlineData(MediaTypes.OciForeignLayerGzip, Compression.Gzip)]
    [InlineData(MediaTypes.OciForeignLayerZstd, Compression.Zstd)]
    [InlineData(MediaTypes.DockerLayer, Compression.None)]
    [InlineData(MediaTypes.DockerLayerGzip, Compression.Gzip)]
    [InlineData(MediaTypes.DockerForeignLayer, Compression.Gzip)]
    [InlineData(MediaTypes.OciConfig, Compression.Unknown)]
    [InlineData("application/octet-stream", Compression.Unknown)]
    [InlineData(null, Compression.Unknown)]
    public void LayerCompression_is_the_compression_the_type_declares(string? mediaType, Compression expected)
    {
        Assert.Equal(expected, MediaTypes.LayerCompression(mediaType));
    }

    [Theory]
    [InlineData(MediaTypes.DockerManifest, true)]
    [InlineData(MediaTypes.DockerLayerGzip, true)]
    [InlineData(MediaTypes.OciManifest, false)]
    [InlineData(null, false)]
    public void IsDocker_recognises_the_docker_family(string? mediaType, bool expected)
    {
        Assert.Equal(expected, MediaTypes.IsDocker(mediaType));
    }

    [Theory]
    [InlineData(MediaTypes.OciManifest, MediaTypes.DockerManifest)]
    [InlineData(MediaTypes.OciIndex, MediaTypes.DockerManifestList)]
    [InlineData(MediaTypes.OciConfig, MediaTypes.DockerConfig)]
    [InlineData(MediaTypes.OciLayer, MediaTypes.DockerLayer)]
    [InlineData(MediaTypes.OciLayerGzip, MediaTypes.DockerLayerGzip)]
    [InlineData(MediaTypes.OciForeignLayerGzip, MediaTypes.DockerForeignLayer)]
    public void Convert_maps_each_type_to_its_twin_in_the_other_family_and_back(string oci, string docker)
    {
        Assert.Equal(docker, MediaTypes.Convert(oci, ManifestFormat.Docker));
        Assert.Equal(oci, MediaTypes.Convert(docker, ManifestFormat.Oci));
        Assert.Equal(oci, MediaTypes.Convert(oci, ManifestFormat.Oci));
        Assert.Equal(docker, MediaTypes.Convert(docker, ManifestFormat.Docker));
    }

    [Theory]
    [InlineData(MediaTypes.OciLayerZstd)]
    [InlineData(MediaTypes.OciForeignLayerZstd)]
    [InlineData(MediaTypes.OciForeignLayer)]
    [InlineData(MediaTypes.OciEmpty)]
    [InlineData("application/vnd.example.custom+json")]
    public void Convert_keeps_types_that_have_no_docker_twin(string mediaType)
    {
        Assert.Equal(mediaType, MediaTypes.Convert(mediaType, ManifestFormat.Docker));
    }
}
