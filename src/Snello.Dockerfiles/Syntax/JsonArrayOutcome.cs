namespace Snello.Dockerfiles.Syntax;

/// <summary>What reading an instruction's arguments as a JSON array found.</summary>
internal enum JsonArrayOutcome
{
    /// <summary>A JSON array of strings: the exec form.</summary>
    StringArray,

    /// <summary>Not valid JSON, or not an array: BuildKit falls back to the shell form.</summary>
    NotJson,

    /// <summary>Valid JSON but an element is not a string: BuildKit rejects the instruction.</summary>
    NotStringArray,
}
