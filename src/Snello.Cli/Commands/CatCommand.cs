using System.CommandLine;
using Snello.Oci.FileSystems;

namespace Snello.Cli.Commands;

/// <summary><c>snello cat IMAGE PATH</c>: a file's content on stdout.</summary>
internal static class CatCommand
{
    public static Command Create()
    {
        var image = CommonArguments.Image();
        var path = new Argument<string>("PATH") { Description = "The file, as the image sees it: /etc/os-release" };
        var platform = CommonArguments.Platform();
        var limits = new LimitOptions();
        var command = new Command("cat", "Print a file from an image, following symlinks inside the image.\n\n" +
            "Examples:\n  snello cat oci:out:latest /etc/os-release\n" +
            "  snello cat docker-archive:app.tar /usr/lib/os-release | grep VERSION")
        {
            image, path, platform,
        };
        limits.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var context = CliContext.From(parse);
            var read = await context.ReadImageAsync(parse.GetValue(image)!, parse.GetValue(platform), ct);
            var view = await FileSystemView.BuildAsync(read, limits.Read(parse), ct);
            var content = await view.OpenReadAsync(parse.GetValue(path)!, ct);
            await using (content)
            {
                using var stdout = Console.OpenStandardOutput();
                await content.CopyToAsync(stdout, ct);
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
