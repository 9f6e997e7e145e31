using Snello.Oci.Registry;

namespace Snello.Tests.Oci.Registry;

public sealed class LinkHeaderTests
{
    private static readonly Uri Request = new("https://registry.example/v2/app/tags/list?n=2");

    [Fact]
    public void Next_resolves_a_relative_next_link_against_the_request()
    {
        var next = LinkHeader.Next(["</v2/app/tags/list?n=2&last=b>; rel=\"next\""], Request);

        Assert.Equal(new Uri("https://registry.example/v2/app/tags/list?n=2&last=b"), next);
    }

    [Fact]
    public void Next_picks_the_next_relation_among_several_links_and_keeps_commas_inside_urls()
    {
        var next = LinkHeader.Next(
            ["<https://r.example/first>; rel=\"first\", <https://r.example/v2/a/tags/list?last=x,y>; rel=next"],
            Request);

        Assert.Equal(new Uri("https://r.example/v2/a/tags/list?last=x,y"), next);
    }

    [Fact]
    public void Next_accepts_a_relation_list_that_names_next()
    {
        var next = LinkHeader.Next(["</page2>; type=\"x\"; REL=\"prefetch next\""], Request);

        Assert.Equal(new Uri("https://registry.example/page2"), next);
    }

    [Theory]
    [InlineData("</v2/app/tags/list?last=b>; rel=\"prev\"")]
    [InlineData("no angle brackets; rel=next")]
    [InlineData("")]
    public void Next_is_null_without_a_next_link(string header)
    {
        Assert.Null(LinkHeader.Next([header], Request));
    }

    [Fact]
    public void Next_is_null_for_no_headers()
    {
        Assert.Null(LinkHeader.Next([], Request));
    }
}
