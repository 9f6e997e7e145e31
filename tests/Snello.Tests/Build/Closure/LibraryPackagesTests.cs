using System.Text;
using Snello.Build.Assembly;
using Snello.Build.Closure;
using Snello.Debian.Contents;

namespace Snello.Tests.Build.Closure;

public sealed class LibraryPackagesTests : IDisposable
{
    private const string Contents =
        "usr/lib/x86_64-linux-gnu/libc.so.6                       libs/libc6\n" +
        "lib64/ld-linux-x86-64.so.2                               libs/libc6\n" +
        "usr/lib/x86_64-linux-gnu/libselinux.so.1                 libs/libselinux1\n" +
        "usr/lib/x86_64-linux-gnu/libpcre2-8.so.0                 libs/libpcre2-8-0\n" +
        "lib32/libc.so.6                                          libs/libc6-i386\n";

    private readonly string _folder = Directory.CreateTempSubdirectory("snello-closure-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static SharedLibraryIndex Index(string text) =>
        SharedLibraryIndex.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)));

    private static string HostLs()
    {
        var ls = File.Exists("/usr/bin/ls") ? "/usr/bin/ls" : "/bin/ls";
        Assert.SkipUnless(File.Exists(ls) && OperatingSystem.IsLinux(), "needs the host's /bin/ls (an ELF file)");
        return ls;
    }

    [Fact]
    public void A_dynamically_linked_program_needs_the_packages_of_its_interpreter_and_libraries()
    {
        var ls = HostLs();

        var (needs, _) = LibraryPackages.Find([new FileInput(ls, "/app/ls")], [Index(Contents)], _ => true,
            new HashSet<string>());

        Assert.Contains(needs, n => n.Package == "libc6" && n.Reason.Contains("libc.so.6 for /app/ls (DT_NEEDED)",
            StringComparison.Ordinal));
        Assert.Contains(needs, n => n.Package == "libc6" && n.Reason.Contains("program interpreter",
            StringComparison.Ordinal));
        Assert.DoesNotContain(needs, n => n.Package == "libc6-i386");
    }

    [Fact]
    public void A_library_the_archive_does_not_hold_is_reported_missing()
    {
        var ls = HostLs();

        var (needs, missing) = LibraryPackages.Find([new FileInput(ls, "/app/ls")], [Index(Contents)],
            name => name != "libselinux1", new HashSet<string>());

        Assert.DoesNotContain(needs, n => n.Package == "libselinux1");
        Assert.Contains(missing, m => m.Name == "libselinux.so.1");
    }

    [Fact]
    public void Programs_inside_a_copied_folder_are_read_at_their_image_paths()
    {
        var ls = HostLs();
        var app = Path.Combine(_folder, "app");
        Directory.CreateDirectory(app);
        File.Copy(ls, Path.Combine(app, "ls"));
        File.WriteAllText(Path.Combine(app, "notes.txt"), "not an ELF file");

        var (needs, _) = LibraryPackages.Find([new FileInput(app, "/opt/app")], [Index(Contents)], _ => true,
            new HashSet<string>());

        Assert.NotEmpty(needs);
        Assert.All(needs, n => Assert.Contains("/opt/app/ls", n.Reason, StringComparison.Ordinal));
    }

    [Fact]
    public void Files_without_ELF_need_nothing()
    {
        var text = Path.Combine(_folder, "hello.py");
        File.WriteAllText(text, "print('hello')\n");

        var (needs, missing) = LibraryPackages.Find([new FileInput(text, "/app/hello.py")], [Index(Contents)],
            _ => true, new HashSet<string>());

        Assert.Empty(needs);
        Assert.Empty(missing);
    }
}
