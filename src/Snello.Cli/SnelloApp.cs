using System.CommandLine;
using Snello.Cli.Commands;
using Snello.Oci;
using Snello.Oci.Digests;
using Snello.Oci.Images;
using Snello.Oci.Registry;
using Snello.Oci.Transports;

namespace Snello.Cli;

/// <summary>Builds the command tree, runs it, and turns failures into messages and exit codes.</summary>
internal static class SnelloApp
{
    public static RootCommand BuildRoot()
    {
        var root = new RootCommand(
            "snello: build, slim, analyse and debug distroless container images, without a Docker daemon.\n\n" +
            "Images are named with a transport: oci:DIR[:TAG], oci-archive:FILE[:TAG], " +
            "docker-archive:FILE[:REF], docker-daemon:REF, dir:ROOTFS, docker://REF (a bare REF means " +
            "docker://).\n\n" +
            "Registries: credentials come from the Docker config file ('snello login'); localhost and 127.0.0.0/8 " +
            "are spoken to over http, others over https (--insecure: http for all). Exit code 5: a registry " +
            "cannot be reached or refuses the credentials.");
        foreach (var option in GlobalOptions.All)
        {
            root.Options.Add(option);
        }

        root.Subcommands.Add(InspectCommand.Create());
        root.Subcommands.Add(LsCommand.Create());
        root.Subcommands.Add(CatCommand.Create());
        root.Subcommands.Add(ExportCommand.Create());
        root.Subcommands.Add(CopyCommand.Create());
        root.Subcommands.Add(SlimCommand.Create());
        root.Subcommands.Add(DigestCommand.Create());
        root.Subcommands.Add(TagsCommand.Create());
        root.Subcommands.Add(LoginCommand.Create());
        root.Subcommands.Add(LogoutCommand.Create());
        root.Subcommands.Add(CacheCommand.Create());
        root.Subcommands.Add(BuildCommand.Create());
        root.Subcommands.Add(LockCommand.Create());
        root.Subcommands.Add(DebugImageCommand.Create());
        root.Subcommands.Add(DockerfileCommand.Create());
        root.Subcommands.Add(CompletionCommand.Create());
        return root;
    }

    public static async Task<int> RunAsync(string[] args)
    {
        var root = BuildRoot();
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                Console.Error.WriteLine($"snello: error [usage]: {error.Message}");
            }

            Console.Error.WriteLine($"Run '{HelpHint(parse)} --help' for usage.");
            return ExitCodes.Usage;
        }

        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };

        try
        {
            var config = new InvocationConfiguration { EnableDefaultExceptionHandler = false };
            return await parse.InvokeAsync(config, cancel.Token);
        }
        catch (Exception e)
        {
            var (code, exit) = Classify(e);
            if (exit == ExitCodes.InternalError)
            {
                Console.Error.WriteLine($"snello: error [{code}]: {e}");
            }
            else
            {
                Console.Error.WriteLine($"snello: error [{code}]: {e.Message}");
            }

            return exit;
        }
    }

    private static string HelpHint(ParseResult parse)
    {
        var names = new List<string>();
        for (var c = parse.CommandResult; c is not null; c = c.Parent as System.CommandLine.Parsing.CommandResult)
        {
            names.Insert(0, c.Command.Name);
        }

        names[0] = "snello";
        return string.Join(' ', names);
    }

    /// <summary>The stable error code printed in brackets, and the exit status, for a failure.</summary>
    internal static (string Code, int Exit) Classify(Exception e) => e switch
    {
        OperationCanceledException => ("interrupted", ExitCodes.Interrupted),
        UsageException => ("usage", ExitCodes.Usage),
        Dockerfiles.Linting.LintConfigException => ("lint-config", ExitCodes.Usage),
        Dockerfiles.Syntax.DockerfileParseException => ("dockerfile-parse", ExitCodes.InputUnusable),
        Dockerfiles.Advising.AdviseException => ("advise-unsupported", ExitCodes.InputUnusable),
        UnsupportedTransportException => ("unsupported-transport", ExitCodes.Usage),
        Oci.Engine.EngineUnreachableException => ("engine-unreachable", ExitCodes.ComponentUnreachable),
        Oci.Engine.EngineApiException { IsNotFound: true } => ("not-found", ExitCodes.InputUnusable),
        Oci.Engine.EngineApiException => ("engine-error", ExitCodes.InputUnusable),
        Build.Specs.SpecException => ("spec-invalid", ExitCodes.InputUnusable),
        Build.Locking.LockFileException => ("lock-invalid", ExitCodes.InputUnusable),
        Build.Pipeline.LockOutOfDateException => ("lock-out-of-date", ExitCodes.InputUnusable),
        Build.Pipeline.LockedPackageUnavailableException => ("pinned-package-missing", ExitCodes.InputUnusable),
        Build.Assembly.AssemblyException => ("assembly-failed", ExitCodes.InputUnusable),
        Debian.Resolution.UnsatisfiableDependencyException => ("unsatisfiable-dependency", ExitCodes.InputUnusable),
        Debian.Packages.PackageRecordException => ("package-record-invalid", ExitCodes.InputUnusable),
        Debian.Packages.DebFormatException => ("deb-unusable", ExitCodes.InputUnusable),
        Debian.Archive.AptSourcesFormatException => ("apt-sources-invalid", ExitCodes.InputUnusable),
        Debian.Control.Deb822FormatException => ("deb822-invalid", ExitCodes.InputUnusable),
        Analysis.Elf.ElfFormatException => ("elf-unusable", ExitCodes.InputUnusable),
        FormatException => ("invalid-value", ExitCodes.Usage),
        DigestMismatchException => ("digest-mismatch", ExitCodes.InputUnusable),
        PlatformNotFoundException => ("platform-not-found", ExitCodes.InputUnusable),
        RegistryUnreachableException => ("registry-unreachable", ExitCodes.ComponentUnreachable),
        RegistryAuthenticationException => ("unauthorized", ExitCodes.ComponentUnreachable),
        RegistryNotFoundException => ("not-found", ExitCodes.InputUnusable),
        RegistryException => ("registry-error", ExitCodes.InputUnusable),
        CredentialHelperException => ("credential-helper", ExitCodes.ComponentUnreachable),
        Oci.FileSystems.LimitExceededException => ("limit-exceeded", ExitCodes.InputUnusable),
        Oci.FileSystems.FileNotFoundInImageException => ("not-found", ExitCodes.InputUnusable),
        Oci.FileSystems.ExportTargetException => ("target-unusable", ExitCodes.Usage),
        ImageFormatException => ("image-unusable", ExitCodes.InputUnusable),
        Debian.Archive.ArchiveUnreachableException => ("archive-unreachable", ExitCodes.ComponentUnreachable),
        Debian.Archive.SuiteNotFoundException => ("suite-not-found", ExitCodes.InputUnusable),
        Debian.Archive.DebianMirrorNotFoundException => ("no-debian-mirror", ExitCodes.Usage),
        Debian.Archive.PinnedPackageMissingException => ("pinned-package-missing", ExitCodes.InputUnusable),
        Debian.Archive.SignatureVerificationException => ("bad-signature", ExitCodes.InputUnusable),
        Debian.Archive.HashMismatchException => ("hash-mismatch", ExitCodes.InputUnusable),
        Debian.Archive.ReleaseFormatException => ("release-unusable", ExitCodes.InputUnusable),
        Debian.Archive.KeyringException => ("keyring-unusable", ExitCodes.InputUnusable),
        FileNotFoundException or DirectoryNotFoundException => ("not-found", ExitCodes.InputUnusable),
        UnauthorizedAccessException => ("permission-denied", ExitCodes.InputUnusable),
        IOException => ("io", ExitCodes.InputUnusable),
        _ => ("internal", ExitCodes.InternalError),
    };
}
