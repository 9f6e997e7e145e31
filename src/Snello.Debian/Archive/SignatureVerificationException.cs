namespace Snello.Debian.Archive;

/// <summary>A signed file (an InRelease) is not signed, badly signed, or signed by no usable key.</summary>
public sealed class SignatureVerificationException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="file">The signed file.</param>
    /// <param name="problem">The signature problem, such as <c>no signature by a key in the keyring</c>.</param>
    /// <param name="inner">The error behind it, if any.</param>
    public SignatureVerificationException(string file, string problem, Exception? inner = null)
        : base($"'{file}' fails signature verification: {problem}", inner)
    {
        File = file;
        Problem = problem;
    }

    /// <summary>The signed file.</summary>
    public string File { get; }

    /// <summary>The signature problem.</summary>
    public string Problem { get; }
}
