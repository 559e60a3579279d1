using System.Security.Cryptography;
using System.Text.Json;
using ShenHou.Api.Cases;
using Weasel.Postgresql.Tables;

namespace ShenHou.Api.Audit;

/// <summary>
/// The hash chain of every case stream (see docs/adr/0004-tamper-evident-history.md). Each event's
/// hash covers the previous event's hash, the stream id, the version, the event type, the actor and
/// time the event carries, the canonical JSON of its data, and its metadata (correlation and
/// causation ids, and the headers: user, role, department, region, reason, legal basis).
/// </summary>
public static class EventHashes
{
    public const string TableName = $"{CaseNumbers.Schema}.event_hashes";

    /// <summary>What version 1 chains to.</summary>
    public static readonly string Genesis = Convert.ToHexStringLower(SHA256.HashData("shenhou/genesis"u8));

    private const string Format = "shenhou/event-hash/v2";

    public static Table Table()
    {
        var table = new Table(TableName);
        table.AddColumn("stream_id", "uuid").AsPrimaryKey();
        table.AddColumn("version", "bigint").AsPrimaryKey();
        table.AddColumn("event_type", "text").NotNull();
        table.AddColumn("hash", "text").NotNull();
        table.AddColumn("previous_hash", "text").NotNull();
        table.AddColumn("hashed_at", "timestamp with time zone").NotNull();
        table.Indexes.Add(new IndexDefinition("ix_event_hashes_hashed_at") { Columns = ["hashed_at"] });
        return table;
    }

    /// <summary>
    /// The hash of one event. <paramref name="at"/> is the event's own time (<c>ICaseEvent.At</c>):
    /// the server's <c>mt_events.timestamp</c> is only assigned by PostgreSQL at commit, after this
    /// hash has been computed.
    /// </summary>
    public static string Compute(string previousHash, Guid streamId, long version, string eventType,
        string actor, DateTimeOffset at, string canonicalData, string canonicalMetadata)
    {
        var input = CanonicalJson.Array(Format, previousHash, streamId.ToString("D"), version, eventType, actor,
            at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", System.Globalization.CultureInfo.InvariantCulture),
            new RawJson(canonicalData), new RawJson(canonicalMetadata));
        return Convert.ToHexStringLower(SHA256.HashData(input));
    }

    /// <summary>The metadata the hash covers, as canonical JSON.</summary>
    public static string Metadata(string? correlationId, string? causationId, IDictionary<string, object>? headers) =>
        CanonicalJson.Canonicalise(JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["causationId"] = causationId, ["correlationId"] = correlationId, ["headers"] = headers,
        }));

    /// <summary>
    /// The hash of an event as stored: actor and time are read from its data; <paramref name="metadataJson"/>
    /// is <c>{causationId, correlationId, headers}</c> as built from <c>mt_events</c>.
    /// </summary>
    public static string ComputeStored(string previousHash, Guid streamId, long version, string eventType, string dataJson,
        string metadataJson)
    {
        using var document = JsonDocument.Parse(dataJson);
        var data = document.RootElement;
        var actor = data.ValueKind == JsonValueKind.Object && data.TryGetProperty("actor", out var a) && a.ValueKind == JsonValueKind.String
            ? a.GetString()! : "";
        var at = data.ValueKind == JsonValueKind.Object && data.TryGetProperty("at", out var t) && t.TryGetDateTimeOffset(out var parsed)
            ? parsed : DateTimeOffset.MinValue;
        return Compute(previousHash, streamId, version, eventType, actor, at, CanonicalJson.Write(data),
            CanonicalJson.Canonicalise(metadataJson));
    }
}
