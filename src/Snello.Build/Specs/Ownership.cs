namespace Snello.Build.Specs;

/// <summary>A numeric owner, as written into tar headers and the image config's <c>User</c>.</summary>
/// <param name="Uid">The user id.</param>
/// <param name="Gid">The group id.</param>
public readonly record struct Ownership(int Uid, int Gid)
{
    /// <summary>The owner as <c>uid:gid</c>, the form the image config's <c>User</c> takes.</summary>
    /// <returns>The text, such as <c>65532:65532</c>.</returns>
    public override string ToString() => $"{Uid}:{Gid}";
}
