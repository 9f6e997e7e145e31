using Snello.Dockerfiles.Linting;
using Snello.Dockerfiles.Reporting;
using Snello.Dockerfiles.Syntax;

// Parses and lints every file named on the command line (or listed, one path a line, in a file
// given as @LIST) in one process, writing each report as JSON to a null stream, the same work
// dockerfilelint does when given the same files with -o json.
//
// Files are independent, so they are read, parsed, linted and written on every core (dockerfilelint
// uses one); each worker keeps its own counts, added up once at its end, so workers share nothing
// while they run.
var paths = args.Length == 1 && args[0].StartsWith('@') ? File.ReadAllLines(args[0][1..]) : args;
var findings = 0;
var unparsable = 0;
Parallel.For(0, paths.Length, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
    () => (Findings: 0, Unparsable: 0),
    (index, _, counts) =>
    {
        var path = paths[index];
        try
        {
            var report = DockerfileLinter.Lint(File.ReadAllText(path), displayName: path);
            LintJsonWriter.Write(report, Stream.Null);
            return (counts.Findings + report.Findings.Count, counts.Unparsable);
        }
        catch (DockerfileParseException)
        {
            return (counts.Findings, counts.Unparsable + 1);
        }
    },
    counts =>
    {
        Interlocked.Add(ref findings, counts.Findings);
        Interlocked.Add(ref unparsable, counts.Unparsable);
    });

Console.Out.WriteLine($"{paths.Length} files, {findings} findings, {unparsable} unparsable");
