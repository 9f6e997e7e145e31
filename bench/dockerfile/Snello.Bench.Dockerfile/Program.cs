using Snello.Dockerfiles.Linting;
using Snello.Dockerfiles.Reporting;
using Snello.Dockerfiles.Syntax;

// Parses and lints every file named on the command line (or listed, one path a line, in a file
// given as @LIST) in one process, writing each report as JSON to a null stream, the same work
// dockerfilelint does when given the same files with -o json.
var paths = args.Length == 1 && args[0].StartsWith('@') ? File.ReadAllLines(args[0][1..]) : args;
var findings = 0;
var unparsable = 0;
foreach (var path in paths)
{
    try
    {
        var report = DockerfileLinter.Lint(File.ReadAllText(path), displayName: path);
        findings += report.Findings.Count;
        LintJsonWriter.Write(report, Stream.Null);
    }
    catch (DockerfileParseException)
    {
        unparsable++;
    }
}

Console.Out.WriteLine($"{paths.Length} files, {findings} findings, {unparsable} unparsable");
