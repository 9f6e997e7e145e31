namespace Snello.Dockerfiles.Advising;

/// <summary>The advisor cannot rewrite this Dockerfile; the message says why and what it expected.</summary>
public sealed class AdviseException : Exception
{
    /// <summary>Creates the exception.</summary>
    public AdviseException() : base("the Dockerfile cannot be rewritten")
    {
    }

    /// <summary>Creates the exception with a reason.</summary>
    public AdviseException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with a reason and a cause.</summary>
    public AdviseException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
