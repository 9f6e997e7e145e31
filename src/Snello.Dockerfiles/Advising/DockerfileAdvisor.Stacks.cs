using Snello.Dockerfiles.Images;
using Snello.Dockerfiles.Linting;

namespace Snello.Dockerfiles.Advising;

public static partial class DockerfileAdvisor
{
    private const string Distroless = "gcr.io/distroless/";

    private static AdvicePlan PlanGo(StageFacts facts, AdviseOptions options)
    {
        var isStatic = facts.HasEnv("CGO_ENABLED", "0");
        var plan = NewPlan(StackKind.Go, options, Distroless + (isStatic ? "static" : "base") + "-debian12:nonroot");
        var binary = OutputOf(facts, ["go"]) ?? ProgramOf(facts)
            ?? throw new AdviseException("cannot tell where 'go build' writes the program: add '-o /path/app'");
        AddNativeProgram(facts, plan, binary);
        plan.Notes.Add(isStatic
            ? "CGO_ENABLED=0 builds a static program, so the final base is distroless 'static' (no libc)."
            : "The program may link against glibc (cgo), so the final base is distroless 'base'; with " +
              "CGO_ENABLED=0 in the builder the smaller 'static' base is enough.");
        return plan;
    }

    private static AdvicePlan PlanNative(StageFacts facts, AdviseOptions options)
    {
        var isStatic = facts.Commands.Any(c => c.Has("-static"));
        var plan = NewPlan(StackKind.Native, options, Distroless + (isStatic ? "static" : "cc") + "-debian12:nonroot");
        var binary = ProgramOf(facts) ?? OutputOf(facts, ["gcc", "g++", "cc", "c++", "clang", "clang++"])
            ?? throw new AdviseException("cannot tell which program to copy: set ENTRYPOINT or CMD to it");
        AddNativeProgram(facts, plan, binary);
        plan.Notes.Add("Check the program's shared libraries with 'ldd': distroless 'cc' has glibc, libstdc++ " +
            "and libgcc; any other library must be copied from the builder too.");
        return plan;
    }

    private static AdvicePlan PlanPython(StageFacts facts, AdviseOptions options)
    {
        var plan = NewPlan(StackKind.Python, options, Distroless + "python3-debian12:nonroot");
        CopyApplicationDirectory(facts, plan);
        var interpreter = "/usr/bin/python3";
        if (facts.Commands.Any(c => c.Program.StartsWith("pip", StringComparison.Ordinal) || c.Has("pip")))
        {
            plan.Copies.Add(("/usr/local/lib/python3*/site-packages", "/usr/local/lib/python3/site-packages/"));
            plan.Env.Add(("PYTHONPATH", "/usr/local/lib/python3/site-packages"));
            plan.Notes.Add("Packages installed with pip are copied from the builder's site-packages and found " +
                "through PYTHONPATH; they must match the final image's Python version (3.11 on Debian 12), " +
                "and compiled extensions must find their shared libraries there.");
        }

        plan.Entrypoint.AddRange(Interpreted(facts, ["python", "python3"], interpreter, prefix: ["-m"]));
        return plan;
    }

    private static AdvicePlan PlanNode(StageFacts facts, AdviseOptions options)
    {
        var version = VersionOf(facts.Stage.ResolvedBaseImage, "20");
        var plan = NewPlan(StackKind.NodeJs, options, Distroless + $"nodejs{version}-debian12:nonroot");
        CopyApplicationDirectory(facts, plan);
        var node = options.BaseImage is null ? "/nodejs/bin/node" : "/usr/bin/node";
        if (facts.Runtime.Count > 0 && Path.GetFileName(facts.Runtime[0]) is "npm" or "yarn")
        {
            plan.Notes.Add($"'{string.Join(' ', facts.Runtime)}' needs npm, which the final image lacks; " +
                "the ENTRYPOINT runs 'node index.js' instead: CHECK that it is the script package.json starts.");
            plan.Entrypoint.AddRange([node, "index.js"]);
            return plan;
        }

        plan.Entrypoint.AddRange(Interpreted(facts, ["node", "nodejs"], node, prefix: []));
        return plan;
    }

    private static AdvicePlan PlanJava(StageFacts facts, AdviseOptions options)
    {
        var version = VersionOf(facts.Stage.ResolvedBaseImage, "17") is "21" or "25" ? "21" : "17";
        var plan = NewPlan(StackKind.Java, options, Distroless + $"java{version}-debian12:nonroot");
        CopyApplicationDirectory(facts, plan);
        var jar = facts.Runtime.SkipWhile(w => w != "-jar").Skip(1).FirstOrDefault();
        if (jar is not null && facts.Resolve(jar) is var path && !path.StartsWith(facts.WorkDir,
            StringComparison.Ordinal))
        {
            plan.Copies.Add((path, path));
        }

        plan.Entrypoint.AddRange(Interpreted(facts, ["java"], "/usr/bin/java", prefix: []));
        return plan;
    }

    private static AdvicePlan PlanDotNet(StageFacts facts, AdviseOptions options)
    {
        var version = VersionOf(facts.Stage.ResolvedBaseImage, "8.0");
        var publish = facts.Commands.FirstOrDefault(c => c.Program == "dotnet" && c.Subcommand == "publish");
        var selfContained = publish is not null && (publish.Has("--self-contained")
            || publish.HasPrefix("-p:PublishAot"));
        var web = facts.Stage.Instructions.Any(i => i.Keyword == "EXPOSE")
            || facts.Stage.Instructions.Any(i => i.Keyword == "ENV" && i.Arguments.Any(a =>
                a.StartsWith("ASPNETCORE", StringComparison.Ordinal)));
        var image = selfContained ? "runtime-deps" : web ? "aspnet" : "runtime";
        var plan = NewPlan(StackKind.DotNet, options,
            $"mcr.microsoft.com/dotnet/{image}:{version}-noble-chiseled",
            user: "app");
        var output = OutputOf(facts, ["dotnet"]);
        if (output is null)
        {
            throw new AdviseException("cannot tell where 'dotnet publish' writes the application: add '-o /app'");
        }

        plan.Copies.Add((output, output));
        plan.Entrypoint.AddRange(facts.Runtime.Count > 0 ? facts.Runtime : ["dotnet", "app.dll"]);
        plan.Notes.Add("Microsoft's chiseled images are the distroless images for .NET: no shell, no package " +
            "manager, user 'app'. A self-contained or AOT publish needs only 'runtime-deps'.");
        return plan;
    }

    private static AdvicePlan NewPlan(StackKind stack, AdviseOptions options, string distroless,
        string user = "nonroot")
    {
        var custom = options.BaseImage is not null;
        var plan = new AdvicePlan
        {
            Stack = stack,
            FinalBase = options.BaseImage ?? distroless,
            User = custom ? "65532:65532" : user,
        };
        if (custom)
        {
            plan.Notes.Add($"The final base is '{options.BaseImage}': it must hold what the program needs at run " +
                "time (interpreter, shared libraries, CA certificates for TLS, time zone data); user 65532 " +
                "needs no /etc/passwd entry.");
        }
        else
        {
            plan.Notes.Add("Distroless images carry CA certificates and time zone data; check that the program " +
                "needs nothing else from the builder's file system (configuration files, data, locales).");
        }

        return plan;
    }

    private static void AddNativeProgram(StageFacts facts, AdvicePlan plan, string binary)
    {
        var path = facts.Resolve(binary);
        plan.Copies.Add((path, path));
        plan.Entrypoint.Add(path);
        plan.Entrypoint.AddRange(facts.Runtime.Skip(1));
    }

    private static void CopyApplicationDirectory(StageFacts facts, AdvicePlan plan)
    {
        if (facts.WorkDir != "/")
        {
            plan.Copies.Add((facts.WorkDir, facts.WorkDir));
            return;
        }

        // Without a WORKDIR the application is wherever the COPY and ADD instructions put it.
        foreach (var copy in facts.Stage.Instructions.Where(i => i.Keyword is "COPY" or "ADD"
                     && i.Flag("from") is null && i.Arguments.Count >= 2))
        {
            var destination = facts.Resolve(copy.Arguments[^1]);
            if (destination != "/")
            {
                plan.Copies.Add((destination, destination));
            }
        }
    }

    private static IEnumerable<string> Interpreted(StageFacts facts, string[] names, string interpreter,
        string[] prefix)
    {
        var runtime = facts.Runtime;
        if (runtime.Count == 0)
        {
            throw new AdviseException("the Dockerfile sets no CMD or ENTRYPOINT, so the program to run is unknown");
        }

        var program = Path.GetFileName(runtime[0]);
        if (names.Any(n => program == n || program.StartsWith(n + ".", StringComparison.Ordinal)
                || (n == "python" && program.StartsWith("python3", StringComparison.Ordinal))))
        {
            return [interpreter, .. runtime.Skip(1)];
        }

        // A console script installed by a package manager (gunicorn, uvicorn) is started through the
        // interpreter, since its #! line points at a path the final image may not have.
        return prefix.Length == 0 ? runtime : [interpreter, .. prefix, program, .. runtime.Skip(1)];
    }

    private static string? OutputOf(StageFacts facts, string[] programs)
    {
        foreach (var command in facts.Commands.Where(c => programs.Contains(c.Program, StringComparer.Ordinal)))
        {
            for (var i = 0; i < command.Words.Count; i++)
            {
                var word = command.Words[i];
                if ((word is "-o" or "--output") && i + 1 < command.Words.Count)
                {
                    return facts.Resolve(command.Words[i + 1]);
                }

                if (word.StartsWith("-o", StringComparison.Ordinal) && word.Length > 2 && word[2] != '-')
                {
                    return facts.Resolve(word[2..]);
                }
            }
        }

        return null;
    }

    private static string? ProgramOf(StageFacts facts) => facts.Runtime.Count > 0 ? facts.Runtime[0] : null;

    private static string VersionOf(string image, string fallback)
    {
        var (_, tag) = BaseImageCatalog.Split(image);
        var digits = new string(tag.TakeWhile(c => char.IsAsciiDigit(c) || c == '.').ToArray()).TrimEnd('.');
        if (digits.Length == 0)
        {
            return fallback;
        }

        return fallback.Contains('.', StringComparison.Ordinal)
            ? string.Join('.', digits.Split('.').Take(2))
            : digits.Split('.')[0];
    }

    private static bool IsRuntimeOnly(string keyword) =>
        keyword is "CMD" or "ENTRYPOINT" or "HEALTHCHECK" or "EXPOSE" or "VOLUME" or "STOPSIGNAL";

    private static readonly string[] BuildEnvironment =
        ["PATH", "GOPATH", "GOFLAGS", "CGO_ENABLED", "GOOS", "GOARCH", "DEBIAN_FRONTEND", "NODE_ENV_BUILD"];

    private static bool IsBuildOnlyEnv(string name) =>
        BuildEnvironment.Contains(name, StringComparer.Ordinal) || name.StartsWith("PIP_", StringComparison.Ordinal)
        || name.StartsWith("NPM_CONFIG", StringComparison.Ordinal) || name.StartsWith("DOTNET_CLI",
            StringComparison.Ordinal);

    private static bool UsesMissingTool(Model.Instruction healthcheck) =>
        RuleHelpers.Commands(healthcheck).Any(c => c.Program is "curl" or "wget" or "nc");
}
