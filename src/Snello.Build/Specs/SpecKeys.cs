namespace Snello.Build.Specs;

/// <summary>
/// The keys each mapping of snello.yaml accepts. The reader rejects any other key, and a unit test holds these
/// lists equal to the properties of docs/schemas/snello-spec.schema.json so the two cannot drift apart.
/// </summary>
public static class SpecKeys
{
    /// <summary>The top-level keys.</summary>
    public static IReadOnlyList<string> Document { get; } =
    [
        "distribution", "base", "architectures", "packages", "exclude", "keep", "users", "groups", "run-as",
        "files", "entrypoint", "cmd", "env", "workdir", "labels", "annotations", "layers", "debug", "closure",
    ];

    /// <summary>The keys of <c>distribution</c>.</summary>
    public static IReadOnlyList<string> Distribution { get; } =
        ["suite", "components", "security", "mirror", "repositories"];

    /// <summary>The keys of each <c>distribution.repositories[]</c> entry.</summary>
    public static IReadOnlyList<string> Repository { get; } = ["uri", "suite", "components", "keyring"];

    /// <summary>The keys of each <c>users[]</c> entry.</summary>
    public static IReadOnlyList<string> User { get; } = ["name", "uid", "gid", "home", "shell"];

    /// <summary>The keys of each <c>groups[]</c> entry.</summary>
    public static IReadOnlyList<string> Group { get; } = ["name", "gid", "members"];

    /// <summary>The keys of each <c>files[]</c> entry.</summary>
    public static IReadOnlyList<string> File { get; } = ["source", "destination", "mode", "owner"];
}
