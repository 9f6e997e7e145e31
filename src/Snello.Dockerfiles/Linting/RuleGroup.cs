namespace Snello.Dockerfiles.Linting;

/// <summary>The groups lint rules come in.</summary>
public enum RuleGroup
{
    /// <summary>What the builder would reject or misread.</summary>
    Correctness,

    /// <summary>What weakens the image's security.</summary>
    Security,

    /// <summary>What makes the image larger than it needs to be.</summary>
    Size,

    /// <summary>What breaks on a distroless or scratch base, which has no shell and no tools.</summary>
    Distroless,
}
