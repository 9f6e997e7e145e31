namespace Snello.Oci.Digests;

/// <summary>
/// Content did not hash to the digest, or did not have the size, that its descriptor promised.
/// </summary>
public sealed class DigestMismatchException : ImageFormatException
{
    /// <summary>Creates the exception for a blob whose content hashed to <paramref name="actual"/>.</summary>
    public DigestMismatchException(string what, Digest expected, Digest actual)
        : base($"{what} '{expected}' has digest '{actual}', expected '{expected}'")
    {
        Expected = expected;
        Actual = actual;
    }

    /// <summary>
    /// Creates the exception for a blob whose length differs from its descriptor. A reader stops at the
    /// first byte past the promised size, so a larger <paramref name="actualSize"/> is a lower bound.
    /// </summary>
    public DigestMismatchException(string what, Digest expected, long expectedSize, long actualSize)
        : base(actualSize > expectedSize
            ? $"{what} '{expected}' has at least {actualSize} bytes, expected {expectedSize}"
            : $"{what} '{expected}' has {actualSize} bytes, expected {expectedSize}")
    {
        Expected = expected;
        Actual = default;
    }

    /// <summary>The digest the descriptor named.</summary>
    public Digest Expected { get; }

    /// <summary>The digest of the content read, when it was computed.</summary>
    public Digest Actual { get; }
}
