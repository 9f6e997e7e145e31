using Snello.Dockerfiles.Shell;

namespace Snello.Tests.Dockerfiles.Shell;

public sealed class ShellLexerTests
{
    private static readonly Dictionary<string, string> Env = new()
    {
        ["v"] = "value",
        ["empty"] = "",
        ["path"] = "/usr/local/bin/tool.tar.gz",
    };

    [Theory]
    [InlineData("$v", "value")]
    [InlineData("${v}", "value")]
    [InlineData("a${v}b", "avalueb")]
    [InlineData("${unset:-w}", "w")]
    [InlineData("${empty:-w}", "w")]
    [InlineData("${empty-w}", "")]
    [InlineData("${unset-w}", "w")]
    [InlineData("${v:+w}", "w")]
    [InlineData("${empty:+w}", "")]
    [InlineData("${empty+w}", "w")]
    [InlineData("${unset+w}", "")]
    [InlineData("${path#*/}", "usr/local/bin/tool.tar.gz")]
    [InlineData("${path##*/}", "tool.tar.gz")]
    [InlineData("${path%.*}", "/usr/local/bin/tool.tar")]
    [InlineData("${path%%.*}", "/usr/local/bin/tool")]
    [InlineData("${path/local/opt}", "/usr/opt/bin/tool.tar.gz")]
    [InlineData("${path//o/0}", "/usr/l0cal/bin/t00l.tar.gz")]
    [InlineData("'$v'", "$v")]
    [InlineData("\"$v\"", "value")]
    [InlineData("\\$v", "$v")]
    [InlineData("$", "$")]
    [InlineData("$unset", "")]
    public void ProcessWord_expands_as_buildkit_does(string word, string expected)
    {
        Assert.Equal(expected, new ShellLexer().ProcessWord(word, Env));
    }

    [Theory]
    [InlineData("${}")]
    [InlineData("${v")]
    [InlineData("'open")]
    [InlineData("\"open")]
    [InlineData("${unset:?must be set}")]
    [InlineData("${v:x}")]
    public void ProcessWord_rejects_bad_substitutions(string word)
    {
        Assert.Throws<ShellExpansionException>(() => new ShellLexer().ProcessWord(word, Env));
    }

    [Fact]
    public void ProcessWords_splits_outside_quotes_only()
    {
        var words = new ShellLexer().ProcessWords("a \"b c\" 'd e' $v", Env);

        Assert.Equal(["a", "b c", "d e", "value"], words);
    }

    [Fact]
    public void SkipUnsetEnv_leaves_unset_references_as_written()
    {
        var lexer = new ShellLexer { SkipUnsetEnv = true };

        Assert.Equal("$A ${B} ${C:-d} value", lexer.ProcessWord("$A ${B} ${C:-d} $v", Env));
    }

    [Fact]
    public void Process_reports_unmatched_names()
    {
        var result = new ShellLexer().Process("$v $nope ${other}", Env);

        Assert.Equal(["nope", "other"], result.Unmatched.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Backtick_escape_token_escapes_instead_of_backslash()
    {
        Assert.Equal("C:\\dir $v", new ShellLexer('`').ProcessWord("C:\\dir `$v", Env));
    }
}
