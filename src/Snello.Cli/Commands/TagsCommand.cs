using System.CommandLine;
using Snello.Cli.Rendering;
using Snello.Oci.Registry;
using Snello.Oci.Transports;

namespace Snello.Cli.Commands;

/// <summary><c>snello tags REPO</c>: the tags of a registry repository, every page.</summary>
internal static class TagsCommand
{
    public static Command Create()
    {
        var repository = new Argument<string>("REPO")
        {
            Description = "The repository: docker://HOST/NAME or HOST/NAME (a bare NAME is on Docker Hub)",
        };
        var command = new Command("tags", "List a registry repository's tags, following every page.\n\n" +
            "Examples:\n  snello tags docker://127.0.0.1:5000/app\n  snello tags debian --format json")
        {
            repository,
        };
        command.SetAction(async (parse, ct) =>
        {
            var context = CliContext.From(parse);
            var text = parse.GetValue(repository)!;
            var location = CliContext.ParseLocation(text);
            if (location.Kind != TransportKind.Registry || location.Reference is not { } reference)
            {
                throw new UsageException($"'{text}' is not a registry repository; expected docker://HOST/NAME or " +
                    "HOST/NAME");
            }

            using var client = new RegistryClient(reference.Registry, context.Registry);
            var tags = await client.ListTagsAsync(reference.Repository, cancellationToken: ct);
            if (context.Format == OutputFormat.Json)
            {
                JsonOutput.Write(w =>
                {
                    w.WriteStartObject();
                    w.WriteString("registry", reference.Registry);
                    w.WriteString("repository", reference.Repository);
                    w.WriteStringArray("tags", tags);
                    w.WriteEndObject();
                });
            }
            else
            {
                foreach (var tag in tags)
                {
                    context.Out.WriteLine(tag);
                }
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
