namespace Snello.Build.Specs;

/// <summary>Finds the known key an unknown one was probably meant to be, for "did you mean" hints.</summary>
internal static class KeySuggestion
{
    /// <summary>The closest known key within a small edit distance, or null when none is close.</summary>
    /// <param name="unknown">The key as written.</param>
    /// <param name="known">The keys the mapping accepts.</param>
    /// <returns>The suggestion, or null.</returns>
    public static string? Closest(string unknown, IReadOnlyList<string> known)
    {
        // run_as and runAs are the usual slips for run-as: compare with separators and case set aside.
        var plain = Normalize(unknown);
        var limit = Math.Max(1, plain.Length / 3);
        return known
            .Select(k => (Key: k, Distance: Distance(plain, Normalize(k))))
            .Where(c => c.Distance <= limit)
            .OrderBy(c => c.Distance)
            .ThenBy(c => c.Key, StringComparer.Ordinal)
            .Select(c => c.Key)
            .FirstOrDefault();
    }

    private static string Normalize(string key) =>
        new([.. key.Where(c => c != '-' && c != '_').Select(char.ToLowerInvariant)]);

    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j] + 1, current[j - 1] + 1));
            }

            previous = current;
        }

        return previous[b.Length];
    }
}
