using System.Globalization;

namespace Snello.Cli.Rendering;

/// <summary>Byte counts for people, and sizes as users type them.</summary>
internal static class Sizes
{
    public static string Human(long bytes)
    {
        string[] units = ["B", "KiB", "MiB", "GiB", "TiB"];
        double value = bytes;
        var unit = 0;
        while (value >= 1024 && unit < units.Length - 1)
        {
            value /= 1024;
            unit++;
        }

        return unit == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{bytes} B")
            : string.Create(CultureInfo.InvariantCulture, $"{value:0.0} {units[unit]}");
    }

    /// <summary>Parses 1024, 500K, 20M, 5G, 1T (powers of 1024; a trailing B or iB is allowed).</summary>
    /// <exception cref="UsageException">The text is not a size; the message quotes it.</exception>
    public static long Parse(string text, string option)
    {
        var t = text.Trim().ToUpperInvariant();
        if (t.EndsWith("IB", StringComparison.Ordinal))
        {
            t = t[..^2];
        }
        else if (t.EndsWith('B'))
        {
            t = t[..^1];
        }

        var multiplier = 1L;
        if (t.Length > 0 && "KMGT".Contains(t[^1], StringComparison.Ordinal))
        {
            multiplier = 1L << (10 * ("KMGT".IndexOf(t[^1], StringComparison.Ordinal) + 1));
            t = t[..^1];
        }

        if (!double.TryParse(t, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number) ||
            number < 0 || number * multiplier > long.MaxValue)
        {
            throw new UsageException($"{option} '{text}' is not a size; expected a number of bytes with an " +
                "optional K, M, G or T suffix, such as '500M' or '20G'");
        }

        return (long)(number * multiplier);
    }
}
