using Snello.Oci.Transports;

namespace Snello.Tests.Oci.Transports;

public sealed class ImageLocationTests
{
    [Theory]
    [InlineData("oci:out", TransportKind.OciLayout, "out", null)]
    [InlineData("oci:out:latest", TransportKind.OciLayout, "out", "latest")]
    [InlineData("oci:/abs/path:v1.2", TransportKind.OciLayout, "/abs/path", "v1.2")]
    [InlineData("oci-archive:img.tar:t", TransportKind.OciArchive, "img.tar", "t")]
    [InlineData("docker-archive:app.tar", TransportKind.DockerArchive, "app.tar", null)]
    [InlineData("docker-archive:app.tar:app:1.0", TransportKind.DockerArchive, "app.tar", "app:1.0")]
    [InlineData("docker-archive:a.tar:localhost:5000/x:y", TransportKind.DockerArchive, "a.tar", "localhost:5000/x:y")]
    [InlineData("dir:rootfs", TransportKind.Directory, "rootfs", null)]
    public void Parse_splits_local_transports_at_the_first_colon(string text, TransportKind kind, string path,
        string? tag)
    {
        var location = ImageLocation.Parse(text);
        Assert.Equal(kind, location.Kind);
        Assert.Equal(path, location.Path);
        Assert.Equal(tag, location.Tag);
        Assert.Equal(text, location.ToString());
    }

    [Fact]
    public void Parse_reads_a_docker_archive_position()
    {
        var location = ImageLocation.Parse("docker-archive:all.tar:@2");
        Assert.Equal(2, location.ArchiveIndex);
        Assert.Null(location.Tag);
    }

    [Theory]
    [InlineData("debian")]
    [InlineData("debian:bookworm")]
    [InlineData("localhost:5000/app:1")]
    [InlineData("docker://ghcr.io/owner/app@sha256:" +
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")]
    public void Parse_treats_bare_and_docker_references_as_registry_locations(string text)
    {
        var location = ImageLocation.Parse(text);
        Assert.Equal(TransportKind.Registry, location.Kind);
        Assert.NotNull(location.Reference);
    }

    [Fact]
    public void Parse_defaults_a_bare_name_to_docker_hub()
    {
        Assert.Equal("docker.io/library/debian:latest", ImageLocation.Parse("debian").Reference!.ToString());
    }

    [Fact]
    public void Parse_reads_a_daemon_reference()
    {
        var location = ImageLocation.Parse("docker-daemon:app:1");
        Assert.Equal(TransportKind.DockerDaemon, location.Kind);
        Assert.Equal("docker.io/library/app:1", location.Reference!.ToString());
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("oci:", "path is empty")]
    [InlineData("oci:dir:", "tag after ':' is empty")]
    [InlineData("oci:dir:bad tag", "characters outside")]
    [InlineData("dir:rootfs:tag", "path only")]
    [InlineData("oci:dir:@1", "position")]
    [InlineData("docker-archive:a.tar:@x", "position")]
    [InlineData("docker-archive:a.tar:Bad/Name", "lowercase")]
    [InlineData("containers-storage:/var/x", "unknown transport 'containers-storage:'")]
    [InlineData("Debian", "lowercase")]
    public void Parse_rejects_malformed_locations_quoting_them(string text, string why)
    {
        var e = Assert.Throws<FormatException>(() => ImageLocation.Parse(text));
        Assert.Contains($"'{text}'", e.Message, StringComparison.Ordinal);
        Assert.Contains(why, e.Message, StringComparison.Ordinal);
    }
}
