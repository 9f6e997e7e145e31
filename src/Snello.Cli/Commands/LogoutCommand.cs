using System.CommandLine;
using Snello.Cli.Rendering;
using Snello.Oci.Registry;

namespace Snello.Cli.Commands;

/// <summary><c>snello logout REGISTRY</c>: removes a registry's credentials from the Docker config file.</summary>
internal static class LogoutCommand
{
    public static Command Create()
    {
        var registry = new Argument<string>("REGISTRY") { Description = "The registry: HOST[:PORT], or docker.io" };
        var command = new Command("logout", "Remove a registry's stored credentials (from the credential helper " +
            "too, when one holds them).\n\nExample:\n  snello logout 127.0.0.1:5000")
        {
            registry,
        };
        command.SetAction(async (parse, ct) =>
        {
            var context = CliContext.From(parse);
            var host = DockerConfig.Normalize(parse.GetValue(registry)!);
            var config = new DockerConfig(logger: context.Logger);
            var removed = await config.RemoveAsync(host, ct);
            if (context.Format == OutputFormat.Json)
            {
                JsonOutput.Write(w =>
                {
                    w.WriteStartObject();
                    w.WriteString("registry", host);
                    w.WriteBoolean("removed", removed);
                    w.WriteString("configFile", config.Path);
                    w.WriteEndObject();
                });
            }
            else
            {
                context.Out.WriteLine(removed ? $"Removed the credentials for {host} from {config.Path}"
                    : $"Not logged in to {host}");
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
