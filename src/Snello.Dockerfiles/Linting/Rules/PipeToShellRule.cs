using Snello.Analysis.Findings;

namespace Snello.Dockerfiles.Linting.Rules;

/// <summary>A RUN that downloads a script and pipes it straight into a shell (curl ... | sh).</summary>
public sealed class PipeToShellRule : LintRule
{
    /// <inheritdoc />
    public override string Id => "SN-DF103";

    /// <inheritdoc />
    public override string Name => "pipe-to-shell";

    /// <inheritdoc />
    public override RuleGroup Group => RuleGroup.Security;

    /// <inheritdoc />
    public override Severity DefaultSeverity => Severity.High;

    /// <inheritdoc />
    public override string Summary =>
        "A RUN that downloads a script and pipes it straight into a shell (curl ... | sh).";

    /// <inheritdoc />
    public override string Explanation =>
        "The script runs with the build's privileges without any check of what was downloaded: a "
        + "compromised or spoofed server, or a truncated download, runs arbitrary code in the image, "
        + "and the build cannot be reproduced.";

    /// <inheritdoc />
    public override string Fix =>
        "Download to a file, verify its checksum or signature, then run it; or install the tool from "
        + "a package with a verified signature.";

    /// <inheritdoc />
    public override void Check(LintContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var (stage, instruction) in context.Dockerfile.StageInstructions())
        {
            if (instruction.Keyword != "RUN")
            {
                continue;
            }

            var commands = RuleHelpers.Commands(instruction);
            foreach (var download in commands.Where(c => c.Program is "curl" or "wget"))
            {
                var shell = commands.FirstOrDefault(c => c.Pipeline == download.Pipeline
                    && commands.ToList().IndexOf(c) > commands.ToList().IndexOf(download)
                    && (RuleHelpers.IsShell(c.Program)
                        || c.Program is "python" or "python3" or "perl" or "ruby" or "node"));
                if (shell is not null)
                {
                    context.Report(instruction, stage,
                        $"output of '{download.Program}' is piped into '{shell.Program}'");
                    break;
                }
            }
        }
    }
}
