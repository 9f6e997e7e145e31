using System.CommandLine;

namespace Snello.Cli.Commands;

/// <summary><c>snello completion SHELL</c>: a script that asks snello itself for completions.</summary>
internal static class CompletionCommand
{
    public static Command Create()
    {
        var shell = new Argument<string>("SHELL") { Description = "bash, zsh or fish" };
        shell.AcceptOnlyFromAmong("bash", "zsh", "fish");
        var command = new Command("completion", "Print a shell completion script.\n\nExamples:\n" +
            "  source <(snello completion bash)\n  snello completion fish > ~/.config/fish/completions/snello.fish")
        {
            shell,
        };
        command.SetAction(parse =>
        {
            Console.Out.Write(parse.GetValue(shell) switch
            {
                "bash" => Bash,
                "zsh" => Zsh,
                _ => Fish,
            });
            return ExitCodes.Success;
        });
        return command;
    }

    // Each script hands the line and cursor position to the [suggest] directive of System.CommandLine.
    private const string Bash = """
        _snello_complete() {
            local IFS=$'\n'
            COMPREPLY=($(snello "[suggest:${COMP_POINT}]" "${COMP_LINE}" 2>/dev/null))
        }
        complete -o default -F _snello_complete snello

        """;

    private const string Zsh = """
        #compdef snello
        _snello() {
            local -a completions
            completions=("${(@f)$(snello "[suggest:${#BUFFER}]" "${BUFFER}" 2>/dev/null)}")
            compadd -a completions
        }
        compdef _snello snello

        """;

    private const string Fish = """
        function __snello_complete
            set -l line (commandline -cp)
            snello "[suggest:"(string length -- $line)"]" $line 2>/dev/null
        end
        complete -c snello -f -a '(__snello_complete)'

        """;
}
