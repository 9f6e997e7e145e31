namespace Snello.Debian.Archive;

/// <summary>A keyring file cannot serve to verify signatures: unreadable, not OpenPGP, or without keys.</summary>
public sealed class KeyringException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="path">The keyring file.</param>
    /// <param name="reason">What is wrong with it.</param>
    /// <param name="inner">The error behind it, if any.</param>
    public KeyringException(string path, string reason, Exception? inner = null)
        : base($"keyring '{path}': {reason}", inner)
    {
        Path = path;
        Reason = reason;
    }

    /// <summary>The keyring file.</summary>
    public string Path { get; }

    /// <summary>What is wrong with it.</summary>
    public string Reason { get; }
}
