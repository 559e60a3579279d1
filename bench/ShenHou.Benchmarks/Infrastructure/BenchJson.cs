using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ShenHou.Benchmarks.Infrastructure;

/// <summary>The service's JSON rules (camelCase, enums by name) for requests, answers and the result file.</summary>
public static class BenchJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>The result file: indented, and readable (no escaping of '+' or Chinese text).</summary>
    public static readonly JsonSerializerOptions Indented = new(Options)
    {
        WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
