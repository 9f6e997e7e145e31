namespace Snello.Oci.Registry;

/// <summary>A user name and its password or access token, for Basic auth or for a token server.</summary>
/// <param name="Username">The user name.</param>
/// <param name="Secret">The password or personal access token.</param>
public sealed record RegistryCredential(string Username, string Secret)
{
    /// <summary>Keeps the secret out of logs and exception messages.</summary>
    public override string ToString() => $"{Username}:***";
}
