using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Snello.Build.Locking;

/// <summary>
/// Writes times as RFC 3339 UTC to the second (<c>2026-07-11T10:16:37Z</c>), the precision Release files
/// carry, so a lock written anywhere has the same bytes.
/// </summary>
internal sealed class UtcSecondsConverter : JsonConverter<DateTimeOffset>
{
    private const string Format = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t)
            ? t.ToUniversalTime()
            : throw new JsonException($"'{text}' is not a date; expected RFC 3339 UTC such as 2026-07-11T10:16:37Z");
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToUniversalTime().ToString(Format, CultureInfo.InvariantCulture));
}
