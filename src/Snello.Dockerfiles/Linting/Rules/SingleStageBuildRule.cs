using Snello.Analysis.Findings;

namespace Snello.Dockerfiles.Linting.Rules;

/// <summary>A single-stage build that compiles or installs build tools: the compilers ship in the image.</summary>
public sealed class SingleStageBuildRule : LintRule
{
    /// <inheritdoc />
    public override string Id => "SN-DF201";

    /// <inheritdoc />
    public override string Name => "single-stage-build";

    /// <inheritdoc />
    public override RuleGroup Group => RuleGroup.Size;

    /// <inheritdoc />
    public override Severity DefaultSeverity => Severity.Low;

    /// <inheritdoc />
    public override string Summary =>
        "A single-stage build that compiles or installs build tools: the compilers ship in the image.";

    /// <inheritdoc />
    public override string Explanation =>
        "When the program is built in the same stage that becomes the image, the compiler, the "
        + "package caches and the sources stay in its layers: often hundreds of megabytes that the "
        + "program never uses at run time, and tools an attacker can use.";

    /// <inheritdoc />
    public override string Fix =>
        "Build in a builder stage and COPY --from it only the artefacts into a small final stage; "
        + "'snello dockerfile advise' writes such a Dockerfile for common stacks.";

    /// <inheritdoc />
    public override void Check(LintContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Dockerfile.Stages.Count != 1)
        {
            return;
        }

        var stage = context.Dockerfile.Stages[0];
        foreach (var run in stage.Instructions.Where(i => i.Keyword == "RUN"))
        {
            var build = RuleHelpers.Commands(run).FirstOrDefault(IsBuildCommand);
            if (build is not null)
            {
                context.Report(run, stage,
                    $"'{build.Program} {build.Subcommand}' builds in the only stage, so the build tools ship in the "
                        + $"image");
                return;
            }
        }
    }

    private static bool IsBuildCommand(ShellCommand command)
    {
        var sub = command.Subcommand;
        return command.Program switch
        {
            "go" => sub is "build" or "install",
            "gcc" or "g++" or "cc" or "c++" or "clang" or "clang++" or "make" or "cmake" or "ninja" or "javac" =>
                true,
            "mvn" or "mvnw" or "gradle" or "gradlew" => true,
            "cargo" => sub is "build" or "install",
            "dotnet" => sub is "build" or "publish",
            "npm" or "yarn" or "pnpm" => sub is "run" or "build",
            "apt-get" or "apt" => sub == "install" && command.Words.Any(w =>
                w is "build-essential" or "gcc" or "golang"
                or "default-jdk" or "openjdk-17-jdk" or "g++"),
            _ => false,
        };
    }
}
