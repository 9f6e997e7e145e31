using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Snello.Build.Specs;

/// <summary>Typed access to YAML nodes, each failure a <see cref="SpecException"/> at the node.</summary>
internal sealed partial class SpecReader
{
    private SpecException Error(YamlNode node, string key, string detail) =>
        new(_file, (int)node.Start.Line, (int)node.Start.Column, key, detail);

    private static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain, Value: null or "" or "~" or "null" };

    /// <summary>The mapping's entries by key, after rejecting keys not in <paramref name="allowed"/>.</summary>
    private Dictionary<string, YamlNode> Entries(YamlNode node, string key, IReadOnlyList<string> allowed)
    {
        if (node is not YamlMappingNode mapping)
        {
            throw Error(node, key, $"{Name(key, "the document")} must be a mapping of keys to values, "
                + $"not {Describe(node)}");
        }

        var entries = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var (k, v) in mapping.Children)
        {
            var name = k is YamlScalarNode s ? s.Value ?? "" : "";
            var path = key.Length == 0 ? name : $"{key}.{name}";
            if (!allowed.Contains(name, StringComparer.Ordinal))
            {
                var hint = KeySuggestion.Closest(name, allowed);
                throw Error(k, path, $"unknown key '{path}'"
                    + (hint is null ? $"; expected one of {string.Join(", ", allowed)}" : $"; did you mean '{hint}'?"));
            }

            if (!entries.TryAdd(name, v))
            {
                throw Error(k, path, $"key '{path}' appears twice");
            }
        }

        return entries.Where(e => !IsNull(e.Value)).ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
    }

    private string Text(YamlNode node, string key)
    {
        if (node is YamlScalarNode { Value: { } value } && !IsNull(node))
        {
            return value;
        }

        throw Error(node, key, $"{key} must be a text value, not {Describe(node)}");
    }

    private string NonEmpty(YamlNode node, string key)
    {
        var value = Text(node, key);
        return value.Trim().Length > 0 ? value : throw Error(node, key, $"{key} must not be empty");
    }

    private bool Boolean(YamlNode node, string key)
    {
        // YAML 1.2 core schema: only true and false are booleans; yes/no/on/off are YAML 1.1 and read as text
        // by other tools, so accepting them would let two readers disagree.
        var value = Text(node, key);
        return value switch
        {
            "true" => true,
            "false" => false,
            _ => throw Error(node, key, $"{key} '{value}' is not a boolean; expected true or false"),
        };
    }

    private int Id(YamlNode node, string key)
    {
        var value = Text(node, key);
        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : throw Error(node, key, $"{key} '{value}' is not an id; expected a whole number from 0 to 2147483647");
    }

    private List<(YamlNode Node, string Key)> Items(YamlNode node, string key)
    {
        if (node is not YamlSequenceNode sequence)
        {
            throw Error(node, key, $"{key} must be a list, such as [a, b], not {Describe(node)}");
        }

        return [.. sequence.Children.Select((n, i) => (n, $"{key}[{i}]"))];
    }

    private List<string> TextList(YamlNode node, string key) =>
        [.. Items(node, key).Select(item => Text(item.Node, item.Key))];

    private SortedDictionary<string, string> TextMap(YamlNode node, string key)
    {
        if (node is not YamlMappingNode mapping)
        {
            throw Error(node, key, $"{key} must be a mapping of names to text values, not {Describe(node)}");
        }

        var map = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (k, v) in mapping.Children)
        {
            var name = Text(k, key);
            var entry = $"{key}.{name}";
            if (!map.TryAdd(name, IsNull(v) ? "" : Text(v, entry)))
            {
                throw Error(k, entry, $"key '{entry}' appears twice");
            }
        }

        return map;
    }

    private static string Name(string key, string whole) => key.Length == 0 ? whole : key;

    private static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        YamlScalarNode s when IsNull(s) => "empty",
        YamlScalarNode s => $"'{s.Value}'",
        _ => "an alias",
    };
}
