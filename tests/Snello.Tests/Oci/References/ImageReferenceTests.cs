using Snello.Oci.Digests;
using Snello.Oci.References;

namespace Snello.Tests.Oci.References;

public sealed class ImageReferenceTests
{
    private const string Hex64 = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    private static readonly string Hex128 = Hex64 + Hex64;

    private static readonly string Sha256 = "sha256:" + Hex64;

    // input, registry, repository, tag, digest
    private static readonly (string Input, string Registry, string Repository, string? Tag, string? Digest)[]
        Valid =
    [
        ("debian", "docker.io", "library/debian", "latest", null),
        ("debian:bookworm", "docker.io", "library/debian", "bookworm", null),
        ("user/app", "docker.io", "user/app", "latest", null),
        ("user/app:1.0", "docker.io", "user/app", "1.0", null),
        ("docker.io/debian", "docker.io", "library/debian", "latest", null),
        ("docker.io/library/debian:12", "docker.io", "library/debian", "12", null),
        ("index.docker.io/library/x", "docker.io", "library/x", "latest", null),
        ("index.docker.io/x", "docker.io", "library/x", "latest", null),
        ("Docker.IO/debian", "docker.io", "library/debian", "latest", null),
        ("docker.io/library/a/b", "docker.io", "library/a/b", "latest", null),
        ("example.com/a/b/c:1.0", "example.com", "a/b/c", "1.0", null),
        ("EXAMPLE.com/a", "EXAMPLE.com", "a", "latest", null),
        ("localhost/a", "localhost", "a", "latest", null),
        ("localhost:5000/a", "localhost:5000", "a", "latest", null),
        ("localhost:5000/a:b", "localhost:5000", "a", "b", null),
        ("registry.example.com:443/team/app", "registry.example.com:443", "team/app", "latest", null),
        ("my-registry:5000/a", "my-registry:5000", "a", "latest", null),
        ("127.0.0.1:5000/a", "127.0.0.1:5000", "a", "latest", null),
        ("[::1]:5000/a:b", "[::1]:5000", "a", "b", null),
        ("[::1]/a", "[::1]", "a", "latest", null),
        ("[2001:db8::1]:5000/ns/app:v1", "[2001:db8::1]:5000", "ns/app", "v1", null),
        ("a:b@" + Sha256, "docker.io", "library/a", "b", Sha256),
        ("debian@" + Sha256, "docker.io", "library/debian", null, Sha256),
        ("example.com/app@sha512:" + Hex128, "example.com", "app", null, "sha512:" + Hex128),
        ("localhost:5000/a:b@" + Sha256, "localhost:5000", "a", "b", Sha256),
        ("a/b-c--d/e__f/g.h/i_j:T_1.0-x", "docker.io", "a/b-c--d/e__f/g.h/i_j", "T_1.0-x", null),
        ("a:_x", "docker.io", "library/a", "_x", null),
        ("a:Latest", "docker.io", "library/a", "Latest", null),
        ("a:" + new string('t', 128), "docker.io", "library/a", new string('t', 128), null),
        ("a:5000", "docker.io", "library/a", "5000", null),
        ("foo.bar", "docker.io", "library/foo.bar", "latest", null),
        ("localhost", "docker.io", "library/localhost", "latest", null),
        ("ab12/cd", "docker.io", "ab12/cd", "latest", null),
        ("example.com/" + new string('a', 243), "example.com", new string('a', 243), "latest", null),
    ];

    public static TheoryData<string, string, string, string?, string?> ValidReferences
    {
        get
        {
            var data = new TheoryData<string, string, string, string?, string?>();
            foreach (var (input, registry, repository, tag, digest) in Valid)
            {
                data.Add(input, registry, repository, tag, digest);
            }

            return data;
        }
    }

    public static TheoryData<string> ValidInputs => new(Valid.Select(v => v.Input));

    // input, a part of the message that names what is wrong
    public static TheoryData<string, string> InvalidReferences => new()
    {
        { "", "the reference is empty" },
        { "Foo:bar", "repository names must be lowercase, got 'Foo'" },
        { "user/App", "repository names must be lowercase, got 'user/App'" },
        { "example.com/Team/app", "repository names must be lowercase, got 'Team/app'" },
        { "Docker/app", "repository names must be lowercase, got 'Docker/app'" },
        { "a:", "tag '' is not valid" },
        { "a:" + new string('t', 129), "tag '" + new string('t', 129) + "' is not valid" },
        { "a:.x", "tag '.x' is not valid" },
        { "a:-x", "tag '-x' is not valid" },
        { "a:b c", "tag 'b c' is not valid" },
        { "a:b/c", "registry 'a:b' has port 'b'" },
        { "a:b:c", "path component 'a:b'" },
        { "a//b", "repository 'a//b' has an empty path component" },
        { "/a", "repository '/a' has an empty path component" },
        { "a/", "repository 'a/' has an empty path component" },
        { "example.com/", "the repository name is empty" },
        { "docker.io/", "the repository name is empty" },
        { "a..b", "path component 'a..b'" },
        { "a___b", "path component 'a___b'" },
        { "a_.b", "path component 'a_.b'" },
        { "a-_b", "path component 'a-_b'" },
        { "-a", "path component '-a'" },
        { "a-", "path component 'a-'" },
        { ".a", "path component '.a'" },
        { "a.", "path component 'a.'" },
        { "_a", "path component '_a'" },
        { "x/a__", "path component 'a__'" },
        { "a b", "path component 'a b'" },
        { "a@sha256:abc", "digest 'sha256:abc' is not valid" },
        { "a@sha256:" + Hex64.ToUpperInvariant(), "digest 'sha256:" + Hex64.ToUpperInvariant() + "'" },
        { "a@sha256:" + Hex64 + "0", "digest 'sha256:" + Hex64 + "0'" },
        { "a@sha256:", "digest 'sha256:' is not valid" },
        { "a@", "digest '' is not valid" },
        { "a@" + Hex64, "digest '" + Hex64 + "' is not valid" },
        { "a@" + Sha256 + "@" + Sha256, "is not valid; expected 'algorithm:encoded'" },
        { "@" + Sha256, "there is no name before the tag or digest" },
        { ":tag", "there is no name before the tag or digest" },
        { "example.com:abc/a", "registry 'example.com:abc' has port 'abc'" },
        { "example.com:/a", "registry 'example.com:' has port ''" },
        { "exa_mple.com/a", "registry host 'exa_mple.com' is not valid" },
        { "-example.com/a", "registry host '-example.com' is not valid" },
        { "example-.com/a", "registry host 'example-.com' is not valid" },
        { "example..com/a", "registry host 'example..com' is not valid" },
        { ":5000/a", "registry host '' is not valid" },
        { "[::1/a", "registry '[::1' has no valid IPv6 address" },
        { "[zz::1]:5000/a", "registry '[zz::1]:5000' has no valid IPv6 address" },
        { "[:::]/a", "registry '[:::]' has no valid IPv6 address" },
        { "[::1]x/a", "registry '[::1]x' has 'x' after its IPv6 address" },
        { "[::1]:/a", "registry '[::1]:' has port ''" },
        { Hex64, "a 64-digit hex string is an image ID" },
        { "example.com/" + new string('a', 244), "has 256 characters; at most 255 are allowed" },
        { new string('a', 240), "'docker.io/library/" + new string('a', 240) + "' has 258 characters" },
    };

    [Theory]
    [MemberData(nameof(ValidReferences))]
    public void Parse_splits_valid_references_into_normalised_parts(
        string input, string registry, string repository, string? tag, string? digest)
    {
        var reference = ImageReference.Parse(input);

        Assert.Equal(registry, reference.Registry);
        Assert.Equal(repository, reference.Repository);
        Assert.Equal(tag, reference.Tag);
        Assert.Equal(digest, reference.Digest?.ToString());
        Assert.True(ImageReference.TryParse(input, out var again));
        Assert.Equal(reference, again);
    }

    [Theory]
    [MemberData(nameof(InvalidReferences))]
    public void Parse_rejects_invalid_references_quoting_the_input_and_the_bad_part(string input, string problem)
    {
        var error = Assert.Throws<ReferenceFormatException>(() => ImageReference.Parse(input));

        Assert.Equal(input, error.Input);
        Assert.StartsWith($"invalid reference '{input}': ", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.False(ImageReference.TryParse(input, out var reference));
        Assert.Null(reference);
    }

    [Theory]
    [MemberData(nameof(ValidInputs))]
    public void ToString_and_FamiliarName_parse_back_to_the_same_reference(string input)
    {
        var reference = ImageReference.Parse(input);

        Assert.Equal(reference, ImageReference.Parse(reference.ToString()));
        Assert.Equal(reference, ImageReference.Parse(reference.FamiliarName));
    }

    [Fact]
    public void Parse_defaults_bare_name_to_docker_hub_library()
    {
        var reference = ImageReference.Parse("debian");

        Assert.Equal("docker.io/library/debian:latest", reference.ToString());
        Assert.Equal("docker.io/library/debian", reference.FullName);
        Assert.Null(reference.Digest);
    }

    [Theory]
    [InlineData("debian", "docker.io/library/debian:latest")]
    [InlineData("user/app:1", "docker.io/user/app:1")]
    [InlineData("localhost:5000/a", "localhost:5000/a:latest")]
    [InlineData("debian@" + "sha256:" + Hex64, "docker.io/library/debian@sha256:" + Hex64)]
    [InlineData("a:b@" + "sha256:" + Hex64, "docker.io/library/a:b@sha256:" + Hex64)]
    public void ToString_is_the_canonical_full_form(string input, string expected)
    {
        Assert.Equal(expected, ImageReference.Parse(input).ToString());
    }

    [Theory]
    [InlineData("debian", "debian:latest")]
    [InlineData("docker.io/library/debian:12", "debian:12")]
    [InlineData("user/app:1", "user/app:1")]
    [InlineData("docker.io/library/a/b", "library/a/b:latest")]
    [InlineData("example.com/a:1", "example.com/a:1")]
    [InlineData("localhost:5000/a", "localhost:5000/a:latest")]
    [InlineData("debian@sha256:" + Hex64, "debian@sha256:" + Hex64)]
    [InlineData("a:b@sha256:" + Hex64, "a:b@sha256:" + Hex64)]
    public void FamiliarName_is_the_short_form_docker_prints(string input, string expected)
    {
        Assert.Equal(expected, ImageReference.Parse(input).FamiliarName);
    }

    [Theory]
    [InlineData("docker.io/my.team/app", "docker.io/my.team/app:latest")]
    [InlineData("docker.io/localhost/app", "docker.io/localhost/app:latest")]
    public void FamiliarName_keeps_docker_hub_when_the_short_form_would_read_as_a_registry(
        string input, string expected)
    {
        var reference = ImageReference.Parse(input);

        Assert.Equal(expected, reference.FamiliarName);
        Assert.Equal("docker.io", ImageReference.Parse(reference.FamiliarName).Registry);
    }

    [Theory]
    [InlineData("debian", "registry-1.docker.io")]
    [InlineData("index.docker.io/library/x", "registry-1.docker.io")]
    [InlineData("localhost:5000/a", "localhost:5000")]
    [InlineData("[::1]:5000/a", "[::1]:5000")]
    [InlineData("example.com/a", "example.com")]
    public void RegistryApiHost_maps_docker_hub_to_its_api_host(string input, string expected)
    {
        Assert.Equal(expected, ImageReference.Parse(input).RegistryApiHost);
    }

    [Theory]
    [InlineData("debian", "latest")]
    [InlineData("debian:12", "12")]
    [InlineData("debian:12@sha256:" + Hex64, "sha256:" + Hex64)]
    [InlineData("debian@sha256:" + Hex64, "sha256:" + Hex64)]
    public void Identifier_prefers_the_digest_over_the_tag(string input, string expected)
    {
        Assert.Equal(expected, ImageReference.Parse(input).Identifier);
    }

    [Fact]
    public void WithTag_replaces_the_tag_and_drops_the_digest()
    {
        var pinned = ImageReference.Parse("example.com/a:1@" + Sha256);

        var retagged = pinned.WithTag("2");

        Assert.Equal("example.com/a:2", retagged.ToString());
        Assert.Null(retagged.Digest);
        Assert.Equal("1", pinned.Tag);
    }

    [Fact]
    public void WithTag_rejects_an_invalid_tag_naming_it()
    {
        var reference = ImageReference.Parse("debian");

        var error = Assert.Throws<ReferenceFormatException>(() => reference.WithTag("bad tag"));

        Assert.Equal("docker.io/library/debian:bad tag", error.Input);
        Assert.Contains("tag 'bad tag' is not valid", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WithDigest_pins_the_reference_and_keeps_the_tag()
    {
        var digest = Digest.Parse(Sha256);

        var pinned = ImageReference.Parse("debian:bookworm").WithDigest(digest);

        Assert.Equal("docker.io/library/debian:bookworm@" + Sha256, pinned.ToString());
        Assert.Equal(digest, pinned.Digest);
        Assert.Equal("bookworm", pinned.Tag);
    }

    [Fact]
    public void WithDigest_rejects_the_empty_default_digest()
    {
        Assert.Throws<ArgumentException>(() => ImageReference.Parse("debian").WithDigest(default));
    }

    [Fact]
    public void Equality_compares_the_normalised_form()
    {
        var shortForm = ImageReference.Parse("debian");
        var longForm = ImageReference.Parse("index.docker.io/library/debian:latest");

        Assert.Equal(shortForm, longForm);
        Assert.Equal(shortForm.GetHashCode(), longForm.GetHashCode());
        Assert.NotEqual(shortForm, ImageReference.Parse("debian:12"));
        Assert.NotEqual(shortForm, ImageReference.Parse("debian@" + Sha256));
    }

    [Fact]
    public void Parse_of_null_throws_ArgumentNullException_and_TryParse_returns_false()
    {
        Assert.Throws<ArgumentNullException>(() => ImageReference.Parse(null!));
        Assert.False(ImageReference.TryParse(null, out _));
    }

    [Fact]
    public void ReferenceFormatException_is_a_FormatException_carrying_the_problem()
    {
        var error = Assert.Throws<ReferenceFormatException>(() => ImageReference.Parse("Foo:bar"));

        Assert.IsAssignableFrom<FormatException>(error);
        Assert.Equal("invalid reference 'Foo:bar': repository names must be lowercase, got 'Foo'", error.Message);
        Assert.Equal("repository names must be lowercase, got 'Foo'", error.Problem);
    }
}
