namespace Snello.Build.Assembly;

/// <summary>An assembly plan cannot be carried out: a bad glob, user, host file or package.</summary>
public sealed class AssemblyException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="value">The offending value, as given.</param>
    /// <param name="message">The message, quoting the value and saying what was expected.</param>
    /// <param name="inner">The underlying failure, if any.</param>
    public AssemblyException(string value, string message, Exception? inner = null)
        : base(message, inner)
    {
        Value = value;
    }

    /// <summary>The offending value: a glob, user name, host path or package file.</summary>
    public string Value { get; }
}
