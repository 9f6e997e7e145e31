using Snello.Tests.Cli;

namespace Snello.Tests;

/// <summary>The style rules that the compiler cannot keep: line width, one type per file, no TODO marks.</summary>
public sealed class SourceStyleTests
{
    private static IEnumerable<string> SourceFiles() =>
        new[] { "src", "tests", "bench" }
            .Select(d => Path.Combine(ExitCodeTests.RepositoryRoot(), d))
            .Where(Directory.Exists)
            .SelectMany(d => Directory.EnumerateFiles(d, "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains("/obj/", StringComparison.Ordinal))
            .Where(f => !f.Contains("/bin/", StringComparison.Ordinal));

    [Fact]
    public void No_source_line_is_wider_than_120_columns()
    {
        var wide = SourceFiles()
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (f, i, line)))
            .Where(x => x.line.Length > 120)
            .Select(x => $"{Path.GetRelativePath(ExitCodeTests.RepositoryRoot(), x.f)}:{x.i + 1} ({x.line.Length})")
            .ToList();
        Assert.True(wide.Count == 0, "lines over 120 columns:\n" + string.Join('\n', wide));
    }

    [Fact]
    public void No_source_file_carries_a_todo_mark()
    {
        string[] marks = ["TODO", "FIXME", "HACK", "XXX"];
        var marked = SourceFiles()
            .Where(f => !f.EndsWith("SourceStyleTests.cs", StringComparison.Ordinal))
            .Where(f => File.ReadLines(f).Any(l => marks.Any(m => l.Contains("// " + m, StringComparison.Ordinal))))
            .ToList();
        Assert.Empty(marked);
    }
}
