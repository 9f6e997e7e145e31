namespace Snello.Cli;

/// <summary>The entry point of the <c>snello</c> command.</summary>
internal static class Program
{
    private static Task<int> Main(string[] args) => SnelloApp.RunAsync(args);
}
