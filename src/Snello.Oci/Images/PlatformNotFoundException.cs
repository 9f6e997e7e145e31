using Snello.Oci.Model;

namespace Snello.Oci.Images;

/// <summary>An index holds no image for the wanted platform.</summary>
public sealed class PlatformNotFoundException : ImageFormatException
{
    /// <summary>Creates the exception.</summary>
    public PlatformNotFoundException(Platform wanted, IReadOnlyList<Platform> available)
        : base($"no image for platform '{wanted}'; available: " +
            (available.Count == 0 ? "none declared" : string.Join(", ", available.Select(p => $"'{p}'"))))
    {
        Wanted = wanted;
        Available = available;
    }

    /// <summary>The platform asked for.</summary>
    public Platform Wanted { get; }

    /// <summary>The platforms the index declares.</summary>
    public IReadOnlyList<Platform> Available { get; }
}
