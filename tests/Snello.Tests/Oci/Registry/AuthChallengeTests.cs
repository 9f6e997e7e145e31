using Snello.Oci.Registry;

namespace Snello.Tests.Oci.Registry;

public sealed class AuthChallengeTests
{
    [Fact]
    public void Parse_reads_a_bearer_challenge_with_quoted_parameters()
    {
        var challenges = AuthChallenge.Parse(
            "Bearer realm=\"https://auth.example/token\",service=\"registry.example\"," +
            "scope=\"repository:team/app:pull,push\"");

        var bearer = Assert.Single(challenges);
        Assert.True(bearer.IsBearer);
        Assert.Equal("https://auth.example/token", bearer["realm"]);
        Assert.Equal("registry.example", bearer["service"]);
        Assert.Equal("repository:team/app:pull,push", bearer["scope"]);
    }

    [Fact]
    public void Parse_keeps_escaped_quotes_and_compares_names_case_insensitively()
    {
        var challenge = Assert.Single(AuthChallenge.Parse("basic Realm=\"say \\\"hi\\\"\""));

        Assert.True(challenge.IsBasic);
        Assert.Equal("say \"hi\"", challenge["realm"]);
    }

    [Fact]
    public void Parse_splits_several_challenges_in_one_header()
    {
        var challenges = AuthChallenge.Parse("Basic realm=\"r1\", Bearer realm=\"https://t/token\", service=s");

        Assert.Equal(2, challenges.Count);
        Assert.True(challenges[0].IsBasic);
        Assert.Equal("r1", challenges[0]["realm"]);
        Assert.True(challenges[1].IsBearer);
        Assert.Equal("s", challenges[1]["service"]);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Parse_of_an_empty_header_gives_no_challenge(string? header)
    {
        Assert.Empty(AuthChallenge.Parse(header));
    }

    [Fact]
    public void Parse_of_a_scheme_alone_gives_a_challenge_without_parameters()
    {
        var challenge = Assert.Single(AuthChallenge.Parse("Bearer"));

        Assert.True(challenge.IsBearer);
        Assert.Empty(challenge.Parameters);
        Assert.Null(challenge["realm"]);
    }

    [Fact]
    public void Parse_of_an_unterminated_quote_keeps_what_was_read()
    {
        var challenge = Assert.Single(AuthChallenge.Parse("Bearer realm=\"https://t/tok"));

        Assert.Equal("https://t/tok", challenge["realm"]);
    }
}
