namespace Snello.Oci.Registry;

/// <summary>
/// A Docker credential helper (<c>docker-credential-NAME</c>) is missing, failed, or printed something that is
/// not its JSON answer.
/// </summary>
public sealed class CredentialHelperException : Exception
{
    /// <summary>Creates the exception.</summary>
    public CredentialHelperException(string helper, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Helper = helper;
    }

    /// <summary>The helper's program name, such as <c>docker-credential-pass</c>.</summary>
    public string Helper { get; }
}
