using System.Text;

namespace Snello.Debian.Versions;

public sealed partial class DebianVersion
{
    /// <summary>Compares two versions as <c>dpkg --compare-versions</c> does.</summary>
    /// <param name="left">The first version, or null (null sorts first).</param>
    /// <param name="right">The second version, or null.</param>
    /// <returns>Negative when <paramref name="left"/> is earlier, 0 when equal, positive when later.</returns>
    public static int Compare(DebianVersion? left, DebianVersion? right)
    {
        if (ReferenceEquals(left, right))
        {
            return 0;
        }

        if (left is null)
        {
            return -1;
        }

        if (right is null)
        {
            return 1;
        }

        var byEpoch = left.Epoch.CompareTo(right.Epoch);
        if (byEpoch != 0)
        {
            return byEpoch;
        }

        var byUpstream = ComparePart(left.Upstream, right.Upstream);
        return byUpstream != 0 ? byUpstream : ComparePart(left.Revision, right.Revision);
    }

    /// <inheritdoc/>
    public int CompareTo(DebianVersion? other) => Compare(this, other);

    /// <summary>True when both versions are equal in dpkg's order (<c>1.0</c> equals <c>1.00-0</c>).</summary>
    /// <param name="other">The version to compare with.</param>
    /// <returns>True when the two compare equal.</returns>
    public bool Equals(DebianVersion? other) => other is not null && Compare(this, other) == 0;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is DebianVersion other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() =>
        HashCode.Combine(Epoch, Canonical(Upstream), Canonical(Revision));

    /// <summary>True when both versions are equal in dpkg's order.</summary>
    /// <param name="left">The first version.</param>
    /// <param name="right">The second version.</param>
    /// <returns>True when equal.</returns>
    public static bool operator ==(DebianVersion? left, DebianVersion? right) => Compare(left, right) == 0;

    /// <summary>True when the versions differ in dpkg's order.</summary>
    /// <param name="left">The first version.</param>
    /// <param name="right">The second version.</param>
    /// <returns>True when not equal.</returns>
    public static bool operator !=(DebianVersion? left, DebianVersion? right) => Compare(left, right) != 0;

    /// <summary>True when <paramref name="left"/> sorts before <paramref name="right"/>.</summary>
    /// <param name="left">The first version.</param>
    /// <param name="right">The second version.</param>
    /// <returns>True when earlier.</returns>
    public static bool operator <(DebianVersion? left, DebianVersion? right) => Compare(left, right) < 0;

    /// <summary>True when <paramref name="left"/> sorts before or equal to <paramref name="right"/>.</summary>
    /// <param name="left">The first version.</param>
    /// <param name="right">The second version.</param>
    /// <returns>True when earlier or equal.</returns>
    public static bool operator <=(DebianVersion? left, DebianVersion? right) => Compare(left, right) <= 0;

    /// <summary>True when <paramref name="left"/> sorts after <paramref name="right"/>.</summary>
    /// <param name="left">The first version.</param>
    /// <param name="right">The second version.</param>
    /// <returns>True when later.</returns>
    public static bool operator >(DebianVersion? left, DebianVersion? right) => Compare(left, right) > 0;

    /// <summary>True when <paramref name="left"/> sorts after or equal to <paramref name="right"/>.</summary>
    /// <param name="left">The first version.</param>
    /// <param name="right">The second version.</param>
    /// <returns>True when later or equal.</returns>
    public static bool operator >=(DebianVersion? left, DebianVersion? right) => Compare(left, right) >= 0;

    // Policy 5.6.12: strings are compared left to right in alternating runs of non-digits and digits.
    // Non-digits compare by a modified ASCII order (letters before non-letters, '~' before everything,
    // even the end of the string); digit runs compare numerically, an absent run counting as 0.
    internal static int ComparePart(string a, string b)
    {
        int i = 0, j = 0;
        while (i < a.Length || j < b.Length)
        {
            while ((i < a.Length && !char.IsAsciiDigit(a[i])) || (j < b.Length && !char.IsAsciiDigit(b[j])))
            {
                var left = Order(At(a, i));
                var right = Order(At(b, j));
                if (left != right)
                {
                    return left < right ? -1 : 1;
                }

                i++;
                j++;
            }

            while (At(a, i) == '0')
            {
                i++;
            }

            while (At(b, j) == '0')
            {
                j++;
            }

            // Without leading zeros, the longer digit run is the larger number; same lengths compare
            // by their first differing digit.
            var firstDifference = 0;
            while (char.IsAsciiDigit(At(a, i)) && char.IsAsciiDigit(At(b, j)))
            {
                if (firstDifference == 0)
                {
                    firstDifference = a[i] - b[j];
                }

                i++;
                j++;
            }

            if (char.IsAsciiDigit(At(a, i)))
            {
                return 1;
            }

            if (char.IsAsciiDigit(At(b, j)))
            {
                return -1;
            }

            if (firstDifference != 0)
            {
                return firstDifference < 0 ? -1 : 1;
            }
        }

        return 0;
    }

    private static char At(string s, int index) => index < s.Length ? s[index] : '\0';

    private static int Order(char c) => c switch
    {
        '\0' => 0,
        '~' => -1,
        _ when char.IsAsciiDigit(c) => 0,
        _ when char.IsAsciiLetter(c) => c,
        _ => c + 256,
    };

    // The text with every digit run's leading zeros removed: two parts compare equal exactly when their
    // canonical forms are the same string, so the hash agrees with Equals.
    private static string Canonical(string part)
    {
        var result = new StringBuilder(part.Length);
        var i = 0;
        while (i < part.Length)
        {
            if (!char.IsAsciiDigit(part[i]))
            {
                result.Append(part[i++]);
                continue;
            }

            while (i < part.Length && part[i] == '0')
            {
                i++;
            }

            while (i < part.Length && char.IsAsciiDigit(part[i]))
            {
                result.Append(part[i++]);
            }
        }

        return result.ToString();
    }
}
