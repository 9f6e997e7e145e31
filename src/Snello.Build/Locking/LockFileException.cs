namespace Snello.Build.Locking;

/// <summary>A lock file that cannot be used: not JSON, a missing or malformed field, an unknown version.</summary>
public sealed class LockFileException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="file">The lock file.</param>
    /// <param name="detail">What is wrong, naming the field and its value.</param>
    /// <param name="inner">The JSON reader's error, if any.</param>
    public LockFileException(string file, string detail, Exception? inner = null)
        : base($"{file}: {detail}", inner)
    {
        File = file;
        Detail = detail;
    }

    /// <summary>The lock file.</summary>
    public string File { get; }

    /// <summary>The message without the file name.</summary>
    public string Detail { get; }
}
