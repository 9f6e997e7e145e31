namespace Snello.Cli;

/// <summary>Builds the command tree and runs it.</summary>
internal static class SnelloApp
{
    public static Task<int> RunAsync(string[] args)
    {
        _ = args;
        Console.Out.WriteLine("snello 0.1.0");
        return Task.FromResult(0);
    }
}
