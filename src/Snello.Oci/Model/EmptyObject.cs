namespace Snello.Oci.Model;

/// <summary>The <c>{}</c> value of sets encoded as JSON objects (exposed ports, volumes).</summary>
public sealed record EmptyObject
{
    /// <summary>The one value.</summary>
    public static EmptyObject Instance { get; } = new();
}
