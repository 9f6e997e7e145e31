using Snello.Oci.Transports;
using Snello.Oci.Transports.DockerDaemon;

namespace Snello.Tests.Oci.Transports.DockerDaemon;

public sealed class DaemonImageNamesTests
{
    private static readonly string Id = "sha256:" + new string('c', 64);

    [Theory]
    [InlineData("docker-daemon:app:1.0", "app:1.0")]
    [InlineData("docker-daemon:docker.io/library/debian:bookworm", "debian:bookworm")]
    [InlineData("docker-daemon:localhost:5000/team/app:2", "localhost:5000/team/app:2")]
    [InlineData("docker-daemon:app", "app:latest")]
    public void Of_names_a_reference_in_dockers_short_form(string location, string name)
    {
        Assert.Equal(name, DaemonImageNames.Of(ImageLocation.Parse(location)));
        Assert.Null(DaemonImageNames.ImageId(ImageLocation.Parse(location)));
    }

    [Fact]
    public void Of_passes_a_full_image_id_through()
    {
        var location = ImageLocation.Parse("docker-daemon:" + Id);
        Assert.Equal(Id, DaemonImageNames.Of(location));
        Assert.Equal(Id, DaemonImageNames.ImageId(location)?.ToString());
    }

    [Theory]
    [InlineData("docker-daemon:app", "app:latest")]
    [InlineData("docker-daemon:app:1.0", "app:1.0")]
    public void Tagged_defaults_a_write_to_latest(string location, string tagged)
    {
        Assert.Equal(tagged, DaemonImageNames.Tagged(ImageLocation.Parse(location)).FamiliarName);
    }
}
