namespace Snello.Dockerfiles.Shell;

/// <summary>A word could not be expanded: a quote or brace is unmatched, or a substitution is invalid.</summary>
public sealed class ShellExpansionException : Exception
{
    /// <summary>Creates the exception for <paramref name="word"/>.</summary>
    public ShellExpansionException(string reason, string word)
        : base($"failed to process '{word}': {reason}")
    {
        Reason = reason;
        Word = word;
    }

    /// <summary>Creates the exception with a message only.</summary>
    public ShellExpansionException() : this("invalid word", "")
    {
    }

    /// <summary>Creates the exception with a message only.</summary>
    public ShellExpansionException(string message) : this(message, "")
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public ShellExpansionException(string message, Exception innerException) : base(message, innerException)
    {
        Reason = message;
        Word = "";
    }

    /// <summary>What is wrong, without the word.</summary>
    public string Reason { get; }

    /// <summary>The word being expanded.</summary>
    public string Word { get; }
}
