using Npgsql;

namespace ShenHou.Fault;

/// <summary>
/// What must hold in the event store after the faults: every acknowledged command's events are
/// there, once; every stream's versions run 1..n with a hash row each; every transfer reached its
/// platform and no platform got a push for a transfer that is not in the store.
/// </summary>
public sealed class Invariants(NpgsqlDataSource db)
{
    // Facts a case records at most once per item (or once at all): a second one means a command ran twice.
    private static readonly HashSet<string> Once =
    [
        "case_submitted", "case_accepted", "item_transferred", "item_approved", "item_rejected", "item_issued",
        "case_ready_for_delivery", "case_delivered", "case_withdrawn",
    ];

    private sealed record Row(Guid Id, Guid Stream, long Version, string Type, string? Correlation, string Subject);

    public List<string> Violations { get; } = [];

    public async Task<string> Check(IReadOnlyCollection<Ack> acks, IReadOnlyDictionary<Guid, int> deliveries)
    {
        var rows = new List<Row>();
        await using (var read = db.CreateCommand(
            "select id, stream_id, version, type, correlation_id, coalesce(data->>'itemCode', data->>'materialCode', '') from shenhou.mt_events"))
        await using (var reader = await read.ExecuteReaderAsync())
            while (await reader.ReadAsync())
                rows.Add(new Row(reader.GetGuid(0), reader.GetGuid(1), reader.GetInt64(2), reader.GetString(3),
                    reader.IsDBNull(4) ? null : reader.GetString(4), reader.GetString(5)));
        var streamVersions = new Dictionary<Guid, long>();
        await using (var read = db.CreateCommand("select id, version from shenhou.mt_streams"))
        await using (var reader = await read.ExecuteReaderAsync())
            while (await reader.ReadAsync()) streamVersions[reader.GetGuid(0)] = reader.GetInt64(1);

        // Versions 1..n, n the stream's version; once-only facts once.
        var streams = rows.GroupBy(r => r.Stream).ToDictionary(g => g.Key, g => g.OrderBy(r => r.Version).ToList());
        foreach (var (stream, events) in streams)
        {
            if (!events.Select(e => e.Version).SequenceEqual(Enumerable.Range(1, events.Count).Select(v => (long)v))
                || streamVersions.GetValueOrDefault(stream) != events.Count)
                Violations.Add($"stream {stream}: versions {string.Join(",", events.Select(e => e.Version))}, stream version {streamVersions.GetValueOrDefault(stream)}");
            foreach (var twice in events.Where(e => Once.Contains(e.Type)).GroupBy(e => (e.Type, e.Subject)).Where(g => g.Count() > 1))
                Violations.Add($"stream {stream}: {twice.Key.Type} {twice.Key.Subject} recorded {twice.Count()} times");
        }
        Violations.AddRange(streamVersions.Keys.Except(streams.Keys).Select(s => $"stream {s} has no events"));
        var unhashed = await Long("select count(*) from shenhou.mt_events e left join shenhou.event_hashes h " +
                                  "on h.stream_id = e.stream_id and h.version = e.version where h.stream_id is null");
        if (unhashed > 0) Violations.Add($"{unhashed} events without their hash row");

        // Every acknowledged command: its events (by trace id), in its case, ending at the version it was told, one batch.
        var byTrace = rows.Where(r => r.Correlation is not null).GroupBy(r => r.Correlation!).ToDictionary(g => g.Key, g => g.ToList());
        var found = 0;
        foreach (var ack in acks)
        {
            if (!byTrace.TryGetValue(ack.Trace, out var events))
            {
                Violations.Add($"{ack.Command} of case {ack.CaseId} (version {ack.Version}, trace {ack.Trace}) was acknowledged but is not in the store");
                continue;
            }
            found++;
            var versions = events.Select(e => e.Version).Order().ToArray();
            if (events.Any(e => e.Stream != ack.CaseId) || versions[^1] != ack.Version
                || versions[^1] - versions[0] + 1 != versions.Length
                || events.GroupBy(e => (e.Type, e.Subject)).Any(g => g.Count() > 1))
                Violations.Add($"{ack.Command} of case {ack.CaseId} (trace {ack.Trace}): told version {ack.Version}, " +
                               $"stored as {string.Join(",", events.Select(e => $"{e.Stream.ToString()[..8]}@{e.Version}:{e.Type}"))}");
        }

        // Pushes: every transfer taken by its platform, and nothing taken that was never committed.
        var transfers = rows.Where(r => r.Type == "item_transferred").Select(r => r.Id).ToHashSet();
        var missing = transfers.Count(t => !deliveries.ContainsKey(t));
        var phantom = deliveries.Keys.Count(d => !transfers.Contains(d));
        if (missing > 0) Violations.Add($"{missing} transfers never reached their platform");
        if (phantom > 0) Violations.Add($"{phantom} pushes for transfers that are not in the store");

        return $"store: {streams.Count} streams, {rows.Count} events, versions contiguous in {streams.Count - Violations.Count(v => v.Contains("versions"))}; " +
               $"acknowledged commands found {found}/{acks.Count}; transfers {transfers.Count}, pushes taken {transfers.Count - missing} " +
               $"({deliveries.Values.Sum()} deliveries, {deliveries.Values.Count(n => n > 1)} pushes came more than once)";
    }

    private async Task<long> Long(string sql)
    {
        await using var command = db.CreateCommand(sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }
}
