namespace ShenHou.Api.Audit;

/// <summary>An event as stored in <c>mt_events</c>, read raw.</summary>
/// <param name="Metadata"><c>{causationId, correlationId, headers}</c> as JSON.</param>
public sealed record StoredEvent(long Version, long Sequence, string Type, string Data, string Metadata);

/// <summary>A row of <c>event_hashes</c>.</summary>
public sealed record StoredHash(long Version, string Type, string Hash, string PreviousHash);

/// <summary>Where the chain first breaks, and why (Chinese / English).</summary>
public sealed record ChainBreak(long Version, string Reason);

/// <summary>Recomputes a stream's hash chain from its stored events and compares it with the stored hashes.</summary>
public static class HistoryChain
{
    /// <param name="streamVersion">The version <c>mt_streams</c> records, if the stream row exists.</param>
    public static ChainBreak? FirstBreak(Guid streamId, IReadOnlyList<StoredEvent> events,
        IReadOnlyList<StoredHash> hashes, long? streamVersion)
    {
        var byVersion = events.ToDictionary(e => e.Version);
        var hashByVersion = hashes.ToDictionary(h => h.Version);
        var last = new[] { events.Count > 0 ? events.Max(e => e.Version) : 0, hashes.Count > 0 ? hashes.Max(h => h.Version) : 0, streamVersion ?? 0 }.Max();
        var previous = EventHashes.Genesis;
        var lastSequence = long.MinValue;
        if (events.Any(e => e.Version < 1))
            return new ChainBreak(events.Min(e => e.Version), "事件版本号无效 / an event has an invalid version");
        for (var version = 1L; version <= last; version++)
        {
            if (!byVersion.TryGetValue(version, out var e))
                return new ChainBreak(version, "事件缺失（已被删除） / the event is missing (deleted)");
            if (e.Sequence <= lastSequence)
                return new ChainBreak(version, "事件顺序与全局序号不符（被重排） / the event is out of order with the global sequence (reordered)");
            lastSequence = e.Sequence;
            if (!hashByVersion.TryGetValue(version, out var stored))
                return new ChainBreak(version, "哈希记录缺失 / the event's hash record is missing");
            if (stored.PreviousHash != previous)
                return new ChainBreak(version, "哈希记录与前一事件的哈希不衔接 / the hash record does not chain to the previous event's hash");
            string recomputed;
            try
            {
                recomputed = EventHashes.ComputeStored(previous, streamId, version, e.Type, e.Data, e.Metadata);
            }
            catch (System.Text.Json.JsonException)
            {
                return new ChainBreak(version, "事件数据不是有效的 JSON / the event's data is not valid JSON");
            }
            if (stored.Type != e.Type || stored.Hash != recomputed)
                return new ChainBreak(version, "事件内容与其哈希不符（被修改或调换） / the event does not match its hash (edited or swapped)");
            previous = stored.Hash;
        }
        return null;
    }
}
