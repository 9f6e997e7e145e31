using System.CommandLine;

namespace Snello.Cli.Commands;

/// <summary>Arguments and options several commands share.</summary>
internal static class CommonArguments
{
    public static Argument<string> Image(string description = "The image: TRANSPORT:REF, such as oci:out:latest") =>
        new("IMAGE") { Description = description };

    public static Option<string?> Platform() => new("--platform")
    {
        Description = "Image to pick from an index, os/arch[/variant] [default: the host's]",
        HelpName = "OS/ARCH",
    };
}
