using System.CommandLine;
using System.Text;
using Snello.Cli.Rendering;
using Snello.Oci.Registry;

namespace Snello.Cli.Commands;

/// <summary>
/// <c>snello login REGISTRY</c>: checks a user name and password against the registry (and its token server),
/// then stores them in the Docker config file as <c>docker login</c> does.
/// </summary>
internal static class LoginCommand
{
    public static Command Create()
    {
        var registry = new Argument<string>("REGISTRY") { Description = "The registry: HOST[:PORT], or docker.io" };
        var username = new Option<string?>("--username", "-u") { Description = "User name", HelpName = "USER" };
        var password = new Option<string?>("--password", "-p")
        {
            Description = "Password (visible to other users in the process list; prefer --password-stdin)",
            HelpName = "PASSWORD",
        };
        var passwordStdin = new Option<bool>("--password-stdin") { Description = "Read the password from stdin" };
        var command = new Command("login", "Log in to a registry.\n\n" +
            "The credentials are checked against the registry first; then they are written to the Docker config " +
            "file ($DOCKER_CONFIG/config.json or ~/.docker/config.json, mode 0600, other entries kept), or to its " +
            "credsStore / credHelpers helper when one is configured. docker, skopeo and snello share them.\n\n" +
            "Examples:\n  echo \"$TOKEN\" | snello login ghcr.io -u me --password-stdin\n" +
            "  snello login 127.0.0.1:5000 -u test")
        {
            registry, username, password, passwordStdin,
        };
        command.SetAction(async (parse, ct) =>
        {
            var context = CliContext.From(parse);
            var host = DockerConfig.Normalize(parse.GetValue(registry)!);
            if (host.Length == 0)
            {
                throw new UsageException($"'{parse.GetValue(registry)}' is not a registry; expected HOST[:PORT]");
            }

            var user = parse.GetValue(username) ?? Prompt("Username: ", echo: true);
            var secret = parse.GetValue(passwordStdin)
                ? ReadStdin()
                : parse.GetValue(password) ?? Prompt("Password: ", echo: false);
            if (user.Length == 0 || secret.Length == 0)
            {
                throw new UsageException("the user name and the password must not be empty");
            }

            var credential = new RegistryCredential(user, secret);
            var options = context.Registry with { Credentials = new FixedCredentialSource(credential) };
            using (var client = new RegistryClient(host, options))
            {
                await client.CheckAsync(ct);
            }

            var config = new DockerConfig(logger: context.Logger);
            await config.SaveAsync(host, credential, ct);
            if (context.Format == OutputFormat.Json)
            {
                JsonOutput.Write(w =>
                {
                    w.WriteStartObject();
                    w.WriteString("registry", host);
                    w.WriteString("username", user);
                    w.WriteString("configFile", config.Path);
                    w.WriteEndObject();
                });
            }
            else
            {
                context.Out.WriteLine($"Login Succeeded: {user} at {host}, saved in {config.Path}");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static string ReadStdin()
    {
        var text = Console.In.ReadToEnd();
        return text.TrimEnd('\r', '\n');
    }

    private static string Prompt(string label, bool echo)
    {
        if (Console.IsInputRedirected)
        {
            throw new UsageException($"no {label.TrimEnd(':', ' ').ToLowerInvariant()} given and stdin is not a " +
                "terminal; pass -u USER and --password-stdin");
        }

        Console.Error.Write(label);
        if (echo)
        {
            return Console.ReadLine()?.Trim() ?? "";
        }

        var text = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                break;
            }

            if (key.Key == ConsoleKey.Backspace)
            {
                if (text.Length > 0)
                {
                    text.Length--;
                }
            }
            else if (!char.IsControl(key.KeyChar))
            {
                text.Append(key.KeyChar);
            }
        }

        Console.Error.WriteLine();
        return text.ToString();
    }
}
