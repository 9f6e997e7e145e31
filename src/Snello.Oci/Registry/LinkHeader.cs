namespace Snello.Oci.Registry;

/// <summary>
/// The <c>Link</c> header of paginated registry answers (distribution spec, "Listing Tags"; RFC 8288):
/// <c>&lt;/v2/app/tags/list?n=100&amp;last=b&gt;; rel="next"</c>.
/// </summary>
public static class LinkHeader
{
    /// <summary>
    /// The target of the <c>rel="next"</c> link among <paramref name="values"/> (each may list several links),
    /// resolved against <paramref name="requestUri"/>; null when there is no next page.
    /// </summary>
    public static Uri? Next(IEnumerable<string> values, Uri requestUri)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(requestUri);
        foreach (var value in values)
        {
            foreach (var link in SplitLinks(value))
            {
                var close = link.IndexOf('>', StringComparison.Ordinal);
                var open = link.IndexOf('<', StringComparison.Ordinal);
                if (open < 0 || close < open)
                {
                    continue;
                }

                var target = link[(open + 1)..close].Trim();
                var attributes = link[(close + 1)..].Split(';', StringSplitOptions.TrimEntries);
                if (attributes.Any(IsNextRelation) && Uri.TryCreate(requestUri, target, out var next))
                {
                    return next;
                }
            }
        }

        return null;
    }

    private static bool IsNextRelation(string attribute)
    {
        var eq = attribute.IndexOf('=', StringComparison.Ordinal);
        if (eq < 0 || !attribute[..eq].Trim().Equals("rel", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        // rel may list several space-separated relation types (RFC 8288, section 3.3).
        var relations = attribute[(eq + 1)..].Trim().Trim('"').Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return relations.Any(r => r.Equals("next", StringComparison.OrdinalIgnoreCase));
    }

    // Links are separated by commas outside the angle brackets; a URL may itself hold commas.
    private static IEnumerable<string> SplitLinks(string value)
    {
        var start = 0;
        var inside = false;
        for (var i = 0; i < value.Length; i++)
        {
            inside = value[i] switch
            {
                '<' => true,
                '>' => false,
                _ => inside,
            };
            if (value[i] == ',' && !inside)
            {
                yield return value[start..i];
                start = i + 1;
            }
        }

        yield return value[start..];
    }
}
