using System.Text;
using Snello.Build.Assembly;
using Snello.Build.Debugging;
using Snello.Tests.Build.Assembly;

namespace Snello.Tests.Build.Debugging;

public sealed class DebugToolboxTests
{
    private const string Applets = "[\0[[\0ash\0cat\0env\0ls\0mkdir\0ps\0rm\0sh\0vi\0wget\0\0";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Applet_names_are_read_from_the_binary_table()
    {
        var binary = Encoding.ASCII.GetBytes("\x7f" + "ELF junk\0" + Applets + "more\0");

        var names = DebugToolbox.AppletNames(binary, "busybox.deb");

        Assert.Equal(["[", "[[", "ash", "cat", "env", "ls", "mkdir", "ps", "rm", "sh", "vi", "wget"], names);
    }

    [Fact]
    public void A_binary_without_an_applet_table_is_refused()
    {
        var e = Assert.Throws<AssemblyException>(() => DebugToolbox.AppletNames("no table"u8, "x.deb"));

        Assert.StartsWith("the busybox binary in 'x.deb' has no readable applet table", e.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Adding_the_toolbox_links_every_applet_and_makes_busybox_sh_the_entrypoint()
    {
        using var scratch = new AssemblyScratch();
        var image = await ImageAssembler.AssembleAsync(scratch.Plan() with { Entrypoint = ["/app"] },
            scratch.Cache, cancellationToken: Ct);
        var busybox = scratch.Input(new TestDeb("busybox-static").Folder("./bin/")
            .File("./bin/busybox", "ELF" + Applets, (UnixFileMode)0x1ed));

        var debug = await DebugToolbox.AddAsync(image, busybox, scratch.Cache, cancellationToken: Ct);

        Assert.Equal(image.Layers.Count + 1, debug.Layers.Count);
        Assert.Equal(["/busybox/sh"], debug.Config.Config!.Entrypoint);
        Assert.Null(debug.Config.Config.Cmd);
        Assert.Contains($"PATH={ImageAssembler.DefaultPath}:/busybox", debug.Config.Config.Env!);
        Assert.Equal(image.Config.Config!.User, debug.Config.Config.User);
        var view = await AssemblyScratch.ViewAsync(debug);
        Assert.Equal("busybox", view.Get("/busybox/sh")!.LinkTarget);
        Assert.Equal("busybox", view.Get("/busybox/[[")!.LinkTarget);
        Assert.Equal(0x1ed, view.Get("/busybox/busybox")!.Mode);
        Assert.Equal(debug.Layers.Select(l => l.DiffId), debug.Config.RootFs.DiffIds);
    }
}
