namespace Snello.IntegrationTests.Infrastructure;

/// <summary>The repository the tests run from.</summary>
public static class Repository
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Snello.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"no Snello.slnx above '{AppContext.BaseDirectory}'");
    });

    public static string Root => RootPath.Value;
}
