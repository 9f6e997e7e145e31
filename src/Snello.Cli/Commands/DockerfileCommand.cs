using System.CommandLine;

namespace Snello.Cli.Commands;

/// <summary><c>snello dockerfile lint</c> and <c>snello dockerfile advise</c>.</summary>
internal static class DockerfileCommand
{
    public static Command Create()
    {
        var command = new Command("dockerfile", "Lint a Dockerfile, or rewrite it to a multi-stage distroless " +
            "build.\n\nExamples:\n  snello dockerfile lint Dockerfile\n  snello dockerfile lint Dockerfile " +
            "--format sarif > lint.sarif\n  snello dockerfile advise Dockerfile > Dockerfile.distroless");
        command.Subcommands.Add(DockerfileLintCommand.Create());
        command.Subcommands.Add(DockerfileAdviseCommand.Create());
        return command;
    }

    /// <summary>Reads the Dockerfile named on the command line; '-' reads stdin.</summary>
    public static string ReadText(string path) =>
        path == "-" ? Console.In.ReadToEnd() : File.ReadAllText(path);
}
