namespace Snello.Debian.Archive;

/// <summary>The host's apt configuration names no Debian source to take a mirror from.</summary>
public sealed class DebianMirrorNotFoundException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="aptRoot">The root whose <c>etc/apt</c> was read.</param>
    /// <param name="reason">What is missing, such as <c>no source lists a bookworm or trixie suite</c>.</param>
    public DebianMirrorNotFoundException(string aptRoot, string reason)
        : base($"no Debian source in {Describe(aptRoot)}: {reason}; pass --mirror URI")
    {
        AptRoot = aptRoot;
        Reason = reason;
    }

    /// <summary>The root whose <c>etc/apt</c> was read.</summary>
    public string AptRoot { get; }

    /// <summary>What is missing.</summary>
    public string Reason { get; }

    private static string Describe(string root)
    {
        var etc = Path.Combine(root ?? "/", "etc", "apt");
        return $"'{Path.Combine(etc, "sources.list")}', '{Path.Combine(etc, "sources.list.d")}/*.list' or "
            + "'*.sources'";
    }
}
