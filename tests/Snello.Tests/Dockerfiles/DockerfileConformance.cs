namespace Snello.Tests.Dockerfiles;

/// <summary>
/// Finds ../shared/conformance/dockerfile next to the repository (walking up from the test binary
/// to the folder holding Snello.slnx). Tests skip where it is absent, and fail under CI=true.
/// </summary>
internal static class DockerfileConformance
{
    public static string? Folder
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Snello.slnx")))
                {
                    var folder = Path.Combine(dir.FullName, "..", "shared", "conformance", "dockerfile");
                    return Directory.Exists(folder) ? Path.GetFullPath(folder) : null;
                }
            }

            return null;
        }
    }

    public static string RequireFolder()
    {
        var folder = Folder;
        if (folder is not null)
        {
            return folder;
        }

        const string why = "../shared/conformance/dockerfile is not next to the repository";
        if (Environment.GetEnvironmentVariable("CI") == "true")
        {
            Assert.Fail(why + " (required under CI=true)");
        }

        Assert.Skip(why);
        return "";
    }

    public static IEnumerable<string> CaseNames(string subfolder)
    {
        var folder = Folder;
        if (folder is null)
        {
            return ["(conformance folder absent)"];
        }

        return Directory.GetDirectories(Path.Combine(folder, subfolder))
            .Select(Path.GetFileName)
            .OfType<string>()
            .Order(StringComparer.Ordinal);
    }
}
