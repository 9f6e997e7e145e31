namespace Snello.Oci;

/// <summary>
/// An image, layout or archive cannot be used as it is: malformed JSON, a missing blob, a digest that
/// does not match, a layer that breaks a limit. The CLI maps this to exit code 3.
/// </summary>
public class ImageFormatException : Exception
{
    /// <summary>Creates the exception with a message that names the offending value.</summary>
    public ImageFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the failure underneath.</summary>
    public ImageFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
