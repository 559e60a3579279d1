using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ShenHou.Api.Audit;

/// <summary>
/// A stable text for a JSON value, so that the event as serialised at append time and the event as
/// read back from PostgreSQL's <c>jsonb</c> (which reorders keys, drops whitespace and rewrites
/// numbers) give the same bytes: object members sorted by name (ordinal, UTF-16 code units), no
/// whitespace, strings re-escaped by one fixed encoder, numbers in plain decimal notation
/// (<c>1E+2</c> and <c>100</c> are both <c>100</c>; the scale of <c>1.50</c> is kept, as jsonb keeps it).
/// </summary>
public static class CanonicalJson
{
    private static readonly JsonWriterOptions Writer = new()
    {
        Indented = false,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = false,
    };

    public static string Canonicalise(string json)
    {
        using var document = JsonDocument.Parse(json);
        return Write(document.RootElement);
    }

    public static string Write(JsonElement element)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, Writer)) WriteValue(writer, element);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Writes <paramref name="values"/> as one canonical JSON array; raw entries must already be canonical JSON.</summary>
    public static byte[] Array(params object?[] values)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, Writer))
        {
            writer.WriteStartArray();
            foreach (var value in values)
            {
                switch (value)
                {
                    case null: writer.WriteNullValue(); break;
                    case string s: writer.WriteStringValue(s); break;
                    case long l: writer.WriteNumberValue(l); break;
                    case RawJson raw: writer.WriteRawValue(raw.Json, skipInputValidation: true); break;
                    default: throw new ArgumentException($"unsupported value {value.GetType().Name}", nameof(values));
                }
            }
            writer.WriteEndArray();
        }
        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteValue(Utf8JsonWriter writer, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in element.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(property.Name);
                    WriteValue(writer, property.Value);
                }
                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray()) WriteValue(writer, item);
                writer.WriteEndArray();
                break;
            case JsonValueKind.String: writer.WriteStringValue(element.GetString()); break;
            case JsonValueKind.Number: writer.WriteRawValue(Number(element.GetRawText()), skipInputValidation: true); break;
            case JsonValueKind.True: writer.WriteBooleanValue(true); break;
            case JsonValueKind.False: writer.WriteBooleanValue(false); break;
            default: writer.WriteNullValue(); break;
        }
    }

    private static string Number(string raw) =>
        decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
            ? d.ToString(CultureInfo.InvariantCulture)
            : raw;
}

/// <summary>Text that is already canonical JSON, embedded as it is.</summary>
public sealed record RawJson(string Json);
