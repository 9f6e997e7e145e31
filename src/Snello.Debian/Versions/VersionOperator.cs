namespace Snello.Debian.Versions;

/// <summary>The relations a version constraint may use (Debian policy 7.1).</summary>
public enum VersionOperator
{
    /// <summary><c>&lt;&lt;</c>: strictly earlier.</summary>
    StrictlyEarlier,

    /// <summary><c>&lt;=</c>: earlier or equal.</summary>
    EarlierOrEqual,

    /// <summary><c>=</c>: exactly equal.</summary>
    Equal,

    /// <summary><c>&gt;=</c>: later or equal.</summary>
    LaterOrEqual,

    /// <summary><c>&gt;&gt;</c>: strictly later.</summary>
    StrictlyLater,
}
