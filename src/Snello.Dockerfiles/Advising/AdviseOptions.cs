namespace Snello.Dockerfiles.Advising;

/// <summary>Choices for <see cref="DockerfileAdvisor.Advise"/>.</summary>
public sealed record AdviseOptions
{
    /// <summary>
    /// The final stage's base, such as a Snello-built image; null to use the distroless image that
    /// fits the stack (Google's distroless names, Microsoft's chiseled images for .NET).
    /// </summary>
    public string? BaseImage { get; init; }
}
