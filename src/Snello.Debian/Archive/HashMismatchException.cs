namespace Snello.Debian.Archive;

/// <summary>A file's SHA256 (or size) differs from the one its signed Release file lists.</summary>
public sealed class HashMismatchException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="file">The file that was checked.</param>
    /// <param name="expected">The value the Release file lists (a hex SHA256, or a size).</param>
    /// <param name="actual">The value the file has.</param>
    /// <param name="what">What was compared: <c>SHA256</c> or <c>size</c>.</param>
    public HashMismatchException(string file, string expected, string actual, string what = "SHA256")
        : base($"'{file}' has {what} '{actual}', expected '{expected}'")
    {
        File = file;
        Expected = expected;
        Actual = actual;
    }

    /// <summary>The file that was checked.</summary>
    public string File { get; }

    /// <summary>The value the Release file lists.</summary>
    public string Expected { get; }

    /// <summary>The value the file has.</summary>
    public string Actual { get; }
}
