using System.Globalization;
using System.Security.Cryptography;
using Npgsql;
using ShenHou.Domain.Calendar;

namespace ShenHou.Api.Audit;

/// <summary>
/// A day's Merkle root over the hashes of the events written that day (China time, by the event's
/// own time), to be handed to an outside party: with it, a history rewritten later, chain and all,
/// no longer matches. The leaves are included so the root can be recomputed without this service.
/// </summary>
public sealed class AuditCheckpoint
{
    /// <summary>The day, yyyy-MM-dd (China time).</summary>
    public string Id { get; set; } = "";
    /// <summary>The Merkle root, lowercase hex.</summary>
    public string Root { get; set; } = "";
    /// <summary>How many event hashes (leaves) the root covers.</summary>
    public int Events { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>How to recompute <see cref="Root"/> from <see cref="Leaves"/>.</summary>
    public string Algorithm { get; set; } = MerkleTree.Algorithm;
    /// <summary>The day's event hashes in global sequence order.</summary>
    public List<CheckpointLeaf> Leaves { get; set; } = [];
}

/// <param name="Sequence">The event's global sequence number (<c>mt_events.seq_id</c>).</param>
/// <param name="StreamId">The case.</param>
/// <param name="Version">The event's version in the case's stream.</param>
/// <param name="Hash">The event's chained hash, lowercase hex.</param>
public sealed record CheckpointLeaf(long Sequence, Guid StreamId, long Version, string Hash);

public static class MerkleTree
{
    public const string Algorithm =
        "leaves: the hex-decoded 32-byte event hashes in sequence order; parent = SHA-256(left || right); " +
        "an odd last node is paired with itself; one leaf is its own root; no leaves: SHA-256 of nothing";

    public static string Root(IEnumerable<string> leafHashes)
    {
        var level = leafHashes.Select(Convert.FromHexString).ToList();
        if (level.Count == 0) return Convert.ToHexStringLower(SHA256.HashData(ReadOnlySpan<byte>.Empty));
        while (level.Count > 1)
        {
            if (level.Count % 2 == 1) level.Add(level[^1]);
            var next = new List<byte[]>(level.Count / 2);
            for (var i = 0; i < level.Count; i += 2) next.Add(SHA256.HashData([.. level[i], .. level[i + 1]]));
            level = next;
        }
        return Convert.ToHexStringLower(level[0]);
    }
}

internal static class CheckpointDays
{
    /// <summary>The day's stored event hashes, in global sequence order, joined to the events they cover.</summary>
    public static async Task<List<CheckpointLeaf>> Leaves(NpgsqlDataSource dataSource, DateOnly day, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            $"""
            select e.seq_id, h.stream_id, h.version, h.hash
            from {EventHashes.TableName} h
            join {Cases.CaseNumbers.Schema}.mt_events e on e.stream_id = h.stream_id and e.version = h.version
            where h.hashed_at >= $1 and h.hashed_at < $2
            order by e.seq_id
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = ChinaStandardTime.StartOf(day).ToUniversalTime() });
        command.Parameters.Add(new NpgsqlParameter { Value = ChinaStandardTime.StartOf(day.AddDays(1)).ToUniversalTime() });
        var leaves = new List<CheckpointLeaf>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            leaves.Add(new CheckpointLeaf(reader.GetInt64(0), reader.GetGuid(1), reader.GetInt64(2), reader.GetString(3)));
        return leaves;
    }
}
