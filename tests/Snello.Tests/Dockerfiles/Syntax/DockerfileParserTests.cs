using Snello.Dockerfiles.Syntax;

namespace Snello.Tests.Dockerfiles.Syntax;

public sealed class DockerfileParserTests
{
    [Fact]
    public void Parse_reads_a_heredoc_body_and_resumes_after_its_delimiter()
    {
        var syntax = DockerfileParser.Parse("FROM debian\nRUN <<EOF\necho hi\necho there\nEOF\nUSER app\n");

        var run = syntax.Instructions[1];
        Assert.Equal("echo hi\necho there\n", Assert.Single(run.Heredocs).Content);
        Assert.True(run.Heredocs[0].Expand);
        Assert.Equal((2, 5), (run.StartLine, run.EndLine));
        Assert.Equal("USER", syntax.Instructions[2].Value);
        Assert.Equal(6, syntax.Instructions[2].StartLine);
    }

    [Fact]
    public void Parse_reads_several_heredocs_on_one_line_in_order()
    {
        var syntax = DockerfileParser.Parse("FROM x\nCOPY <<A <<'B' /dest/\na\nA\nb $X\nB\n");

        var copy = syntax.Instructions[1];
        Assert.Equal(["A", "B"], copy.Heredocs.Select(h => h.Name));
        Assert.Equal(["a\n", "b $X\n"], copy.Heredocs.Select(h => h.Content));
        Assert.True(copy.Heredocs[0].Expand);
        Assert.False(copy.Heredocs[1].Expand);
    }

    [Fact]
    public void Parse_ends_a_chomped_heredoc_at_a_tab_indented_delimiter()
    {
        var syntax = DockerfileParser.Parse("FROM x\nRUN 3<<-END cat\n\tline\n\tEND\n");

        var heredoc = Assert.Single(syntax.Instructions[1].Heredocs);
        Assert.True(heredoc.Chomp);
        Assert.Equal(3UL, heredoc.FileDescriptor);
        Assert.Equal("\tline\n", heredoc.Content);
    }

    [Fact]
    public void Parse_rejects_an_unterminated_heredoc()
    {
        var error = Assert.Throws<DockerfileParseException>(
            () => DockerfileParser.Parse("FROM x\nRUN <<EOF\necho\n"));

        Assert.Equal("unterminated heredoc", error.Reason);
        Assert.Equal(2, error.StartLine);
    }

    [Fact]
    public void Parse_does_not_read_heredocs_in_exec_form_or_other_instructions()
    {
        var syntax = DockerfileParser.Parse("FROM x\nRUN [\"cat\", \"<<EOF\"]\nLABEL a=<<EOF\n");

        Assert.Empty(syntax.Instructions[1].Heredocs);
        Assert.Equal(3, syntax.Instructions.Count);
    }

    [Fact]
    public void Parse_keeps_onbuild_heredocs_with_the_onbuild_instruction()
    {
        var syntax = DockerfileParser.Parse("FROM x\nONBUILD RUN <<EOF\ntrue\nEOF\n");

        Assert.Equal("true\n", Assert.Single(syntax.Instructions[1].Heredocs).Content);
        Assert.Equal("onbuild (run \"<<EOF\")", syntax.Instructions[1].Dump());
    }

    [Fact]
    public void Parse_gives_lines_and_columns_to_keyword_flags_and_arguments()
    {
        var syntax = DockerfileParser.Parse("FROM x\n  COPY --from=build \\\n    /app /out\n");

        var copy = syntax.Instructions[1];
        Assert.Equal(new SourcePosition(2, 3), copy.Position);
        Assert.Equal(new SourcePosition(2, 8), Assert.Single(copy.FlagPositions));
        var args = copy.Arguments.ToArray();
        Assert.Equal(new SourcePosition(3, 5), args[0].Position);
        Assert.Equal(new SourcePosition(3, 10), args[1].Position);
    }

    [Fact]
    public void Parse_gives_json_elements_their_own_columns()
    {
        var syntax = DockerfileParser.Parse("CMD [\"a\", \"bc\"]\n");

        Assert.Equal([6, 11], syntax.Instructions[0].Arguments.Select(a => a.Position.Column));
        Assert.True(syntax.Instructions[0].IsJson);
    }

    [Fact]
    public void Parse_reads_syntax_escape_and_check_directives()
    {
        var syntax = DockerfileParser.Parse(
            "# syntax=docker/dockerfile:1\n# check=skip=all\n#escape=`\nFROM x\nRUN a `\n b\n");

        Assert.Equal(["syntax", "check", "escape"], syntax.Directives.Select(d => d.Name));
        Assert.Equal('`', syntax.EscapeToken);
        Assert.Equal("run \"a  b\"", syntax.Instructions[1].Dump());
    }

    [Fact]
    public void Parse_rejects_a_repeated_directive()
    {
        var error = Assert.Throws<DockerfileParseException>(
            () => DockerfileParser.Parse("# escape=\\\n# escape=`\nFROM x\n"));

        Assert.Equal("only one escape parser directive can be used", error.Reason);
    }

    [Fact]
    public void Parse_rejects_an_escape_token_other_than_backslash_or_backtick()
    {
        var error = Assert.Throws<DockerfileParseException>(() => DockerfileParser.Parse("# escape=x\nFROM x\n"));

        Assert.Contains("'x'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ignores_a_directive_after_a_comment()
    {
        var syntax = DockerfileParser.Parse("# hello\n# escape=`\nFROM x\n");

        Assert.Empty(syntax.Directives);
        Assert.Equal('\\', syntax.EscapeToken);
    }

    [Fact]
    public void Parse_warns_about_empty_continuation_lines()
    {
        var syntax = DockerfileParser.Parse("FROM x\nRUN a \\\n\n b\n");

        Assert.Single(syntax.Warnings);
        Assert.Equal("run \"a  b\"", syntax.Instructions[1].Dump());
    }

    [Fact]
    public void Parse_keeps_unknown_instructions_with_an_empty_argument()
    {
        var syntax = DockerfileParser.Parse("FROM x\nFOO bar\n");

        Assert.Equal("foo \"\"", syntax.Instructions[1].Dump());
    }

    [Fact]
    public void Parse_rejects_a_json_array_with_a_non_string_element()
    {
        var error = Assert.Throws<DockerfileParseException>(() => DockerfileParser.Parse("CMD [\"a\", 1]\n"));

        Assert.Equal(1, error.StartLine);
    }

    [Fact]
    public void Parse_strips_a_byte_order_mark_and_crlf_endings()
    {
        var syntax = DockerfileParser.Parse("\uFEFFFROM x\r\nRUN a \\\r\n b\r\n");

        Assert.Equal("(from \"x\")\n(run \"a  b\")\n", syntax.Dump());
    }

    [Fact]
    public void Parse_keeps_the_comments_above_an_instruction()
    {
        var syntax = DockerfileParser.Parse("FROM x\n# first\n# second\nRUN a\n");

        Assert.Equal(["first", "second"], syntax.Instructions[1].PrevComment);
    }

    [Fact]
    public void Parse_rejects_a_line_longer_than_64_KiB()
    {
        var text = "FROM x\nRUN " + new string('a', 70_000) + "\n";

        Assert.Throws<DockerfileParseException>(() => DockerfileParser.Parse(text));
    }
}
