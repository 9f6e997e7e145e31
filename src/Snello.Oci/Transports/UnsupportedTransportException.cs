namespace Snello.Oci.Transports;

/// <summary>A transport cannot do what was asked: read-only, or not built into this version.</summary>
public sealed class UnsupportedTransportException : Exception
{
    /// <summary>Creates the exception with a message that names the location.</summary>
    public UnsupportedTransportException(string message)
        : base(message)
    {
    }
}
