using System.Text.Json;
using Snello.Build.Specs;
using Snello.Tests.Cli;

namespace Snello.Tests.Build.Specs;

/// <summary>The reader and docs/schemas/snello-spec.schema.json accept the same keys at every level.</summary>
public sealed class SpecSchemaKeysTests
{
    private static JsonElement Schema()
    {
        var path = Path.Combine(ExitCodeTests.RepositoryRoot(), "docs", "schemas", "snello-spec.schema.json");
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        return document.RootElement.Clone();
    }

    private static string[] Keys(JsonElement objectSchema) =>
        [.. objectSchema.GetProperty("properties").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)];

    private static string[] Sorted(IReadOnlyList<string> keys) => [.. keys.Order(StringComparer.Ordinal)];

    [Fact]
    public void The_schema_lists_exactly_the_keys_the_reader_accepts()
    {
        var root = Schema();
        var properties = root.GetProperty("properties");
        var distribution = properties.GetProperty("distribution");

        Assert.Equal(Sorted(SpecKeys.Document), Keys(root));
        Assert.Equal(Sorted(SpecKeys.Distribution), Keys(distribution));
        Assert.Equal(Sorted(SpecKeys.Repository),
            Keys(distribution.GetProperty("properties").GetProperty("repositories").GetProperty("items")));
        Assert.Equal(Sorted(SpecKeys.User), Keys(properties.GetProperty("users").GetProperty("items")));
        Assert.Equal(Sorted(SpecKeys.Group), Keys(properties.GetProperty("groups").GetProperty("items")));
        Assert.Equal(Sorted(SpecKeys.File), Keys(properties.GetProperty("files").GetProperty("items")));
    }

    [Fact]
    public void Every_schema_object_refuses_unknown_keys_as_the_reader_does()
    {
        var root = Schema();
        var properties = root.GetProperty("properties");
        var distribution = properties.GetProperty("distribution");
        JsonElement[] objects =
        [
            root, distribution,
            distribution.GetProperty("properties").GetProperty("repositories").GetProperty("items"),
            properties.GetProperty("users").GetProperty("items"),
            properties.GetProperty("groups").GetProperty("items"),
            properties.GetProperty("files").GetProperty("items"),
        ];
        Assert.All(objects, o => Assert.False(o.GetProperty("additionalProperties").GetBoolean()));
    }
}
