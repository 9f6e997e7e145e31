using Snello.Oci.Digests;

namespace Snello.Tests.Oci.Digests;

public sealed class DigestTests
{
    [Fact]
    public void Compute_of_empty_input_is_the_well_known_sha256()
    {
        Assert.Equal("sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            Digest.Compute([]).ToString());
    }
}
