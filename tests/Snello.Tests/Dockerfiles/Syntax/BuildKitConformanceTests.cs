using System.Text;
using Snello.Dockerfiles.Syntax;

namespace Snello.Tests.Dockerfiles.Syntax;

public sealed class BuildKitConformanceTests
{
    public static TheoryData<string> PositiveCases => new(DockerfileConformance.CaseNames("testfiles"));

    public static TheoryData<string> NegativeCases => new(DockerfileConformance.CaseNames("testfiles-negative"));

    [Theory]
    [MemberData(nameof(PositiveCases))]
    public void Parse_dumps_exactly_the_expected_tree(string name)
    {
        var folder = Path.Combine(DockerfileConformance.RequireFolder(), "testfiles", name);
        var input = File.ReadAllText(Path.Combine(folder, "Dockerfile"), Encoding.UTF8);
        var expected = File.ReadAllText(Path.Combine(folder, "result"), Encoding.UTF8);

        var dump = DockerfileParser.Parse(input).Dump();

        Assert.Equal(expected, dump);
    }

    [Theory]
    [MemberData(nameof(NegativeCases))]
    public void Parse_rejects_the_negative_case(string name)
    {
        var folder = Path.Combine(DockerfileConformance.RequireFolder(), "testfiles-negative", name);
        var input = File.ReadAllText(Path.Combine(folder, "Dockerfile"), Encoding.UTF8);

        Assert.Throws<DockerfileParseException>(() => DockerfileParser.Parse(input));
    }

    [Fact]
    public void Parse_reports_the_line_spans_of_the_testfile_line_case()
    {
        var path = Path.Combine(DockerfileConformance.RequireFolder(), "testfile-line", "Dockerfile");

        var syntax = DockerfileParser.Parse(File.ReadAllText(path, Encoding.UTF8));

        Assert.Equal((5, 31), (syntax.Root.StartLine, syntax.Root.EndLine));
        Assert.Equal(
            [(5, 5), (11, 12), (17, 31)],
            syntax.Instructions.Select(node => (node.StartLine, node.EndLine)).ToArray());
    }
}
