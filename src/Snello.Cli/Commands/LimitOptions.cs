using System.CommandLine;
using Snello.Cli.Rendering;
using Snello.Oci.FileSystems;

namespace Snello.Cli.Commands;

/// <summary>The <c>--max-size</c> and <c>--max-entries</c> options of commands that read layers.</summary>
internal sealed class LimitOptions
{
    public Option<string?> MaxSize { get; } = new("--max-size")
    {
        Description = "Stop when the layers decompress to more than this, such as 64G [default: 16G]",
        HelpName = "SIZE",
    };

    public Option<long?> MaxEntries { get; } = new("--max-entries")
    {
        Description = "Stop when the layers hold more entries than this [default: 2000000]",
        HelpName = "N",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(MaxSize);
        command.Options.Add(MaxEntries);
    }

    public ExtractionLimits Read(ParseResult parse)
    {
        var limits = ExtractionLimits.Default;
        if (parse.GetValue(MaxSize) is { } size)
        {
            limits = limits with { MaxUncompressedBytes = Sizes.Parse(size, "--max-size") };
        }

        if (parse.GetValue(MaxEntries) is { } entries)
        {
            if (entries <= 0)
            {
                throw new UsageException($"--max-entries '{entries}' must be a positive number");
            }

            limits = limits with { MaxEntries = entries };
        }

        return limits;
    }
}
