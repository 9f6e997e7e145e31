namespace Snello.Oci.References;

/// <summary>
/// Text is not an image reference of the distribution grammar. The message quotes the text, names the part
/// that is wrong and the form it should have; <see cref="Input"/> and <see cref="Problem"/> carry the pieces.
/// </summary>
public sealed class ReferenceFormatException : FormatException
{
    /// <summary>Creates the exception for text that did not parse.</summary>
    /// <param name="input">The text that was parsed.</param>
    /// <param name="problem">What is wrong with it and what was expected, without the quoted input.</param>
    public ReferenceFormatException(string input, string problem)
        : base($"invalid reference '{input}': {problem}")
    {
        Input = input;
        Problem = problem;
    }

    /// <summary>The text that was parsed.</summary>
    public string Input { get; }

    /// <summary>What is wrong with <see cref="Input"/> and what was expected.</summary>
    public string Problem { get; }
}
