namespace Snello.Dockerfiles.Advising;

/// <summary>The application stacks the advisor recognises.</summary>
public enum StackKind
{
    /// <summary>Go, built with <c>go build</c>.</summary>
    Go,

    /// <summary>.NET, built with <c>dotnet publish</c>.</summary>
    DotNet,

    /// <summary>Node.js.</summary>
    NodeJs,

    /// <summary>Python.</summary>
    Python,

    /// <summary>Java, run from a jar or classes.</summary>
    Java,

    /// <summary>C or C++, compiled to a native program.</summary>
    Native,
}
