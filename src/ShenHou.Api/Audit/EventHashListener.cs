using JasperFx.Events;
using System.Runtime.CompilerServices;
using Marten;
using Marten.Services;
using Microsoft.Extensions.Caching.Memory;
using ShenHou.Domain.Cases;

namespace ShenHou.Api.Audit;

/// <summary>
/// Chains a hash onto every event a session appends, and queues the hash rows into the session's
/// own unit of work, so they commit or roll back with the events in one transaction.
/// </summary>
/// <remarks>
/// The previous hash is read through the session (its connection, and its transaction once one is
/// open). Writers without a version hold the stream's row lock (FetchForExclusiveWriting) before
/// this runs, so the previous hash is the latest committed one and cannot change before commit.
/// Writers with a version read without the lock; if another writer commits in between, the stale
/// writer's events (same stream and version) fail Marten's optimistic check at commit and
/// everything, these rows included, rolls back. A new stream chains to <see cref="EventHashes.Genesis"/>;
/// a second start of the same stream fails on the event table's key.
/// </remarks>
internal sealed class EventHashListener(StoreOptions options) : DocumentSessionListenerBase, IDisposable
{
    // The newest committed hash of recently written streams: the next command on a case chains to it
    // without a read. Keyed by version, so a stale entry (another instance wrote since) is a miss, and
    // filled only after commit, so a rolled-back hash is never chained to.
    private readonly MemoryCache _latest = new(new MemoryCacheOptions { SizeLimit = 100_000 });
    private readonly ConditionalWeakTable<IDocumentSession, Dictionary<Guid, (long Version, string Hash)>> _pending = new();

    public override async Task BeforeSaveChangesAsync(IDocumentSession session, CancellationToken token)
    {
        var written = new Dictionary<Guid, (long Version, string Hash)>();
        _pending.AddOrUpdate(session, written);
        foreach (var stream in session.PendingChanges.Streams())
        {
            if (stream.Events.Count == 0) continue;
            var first = stream.Events[0].Version;
            if (first <= 0)
                throw new InvalidOperationException(
                    $"stream {stream.Id}: event versions are unknown before commit, so they cannot be hashed; " +
                    "append through FetchForWriting/FetchForExclusiveWriting or StartStream");

            var previous = first == 1 ? EventHashes.Genesis : await PreviousHash(session, stream.Id, first - 1, token);
            foreach (var e in stream.Events)
            {
                var type = e.EventTypeName;
                var json = options.Serializer().ToJson(e.Data);
                var metadata = EventHashes.Metadata(e.CorrelationId, e.CausationId, e.Headers);
                var hash = e.Data is ICaseEvent c
                    ? EventHashes.Compute(previous, stream.Id, e.Version, type, c.Actor, c.At, CanonicalJson.Canonicalise(json), metadata)
                    : EventHashes.ComputeStored(previous, stream.Id, e.Version, type, json, metadata);
                var at = e.Data is ICaseEvent stamped ? stamped.At : DateTimeOffset.MinValue;
                session.QueueSqlCommand(
                    $"insert into {EventHashes.TableName} (stream_id, version, event_type, hash, previous_hash, hashed_at) " +
                    "values (?, ?, ?, ?, ?, ?)",
                    stream.Id, e.Version, type, hash, previous, at.ToUniversalTime());
                previous = hash;
            }
            written[stream.Id] = (stream.Events[^1].Version, previous);
        }
    }

    public override Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token)
    {
        if (_pending.TryGetValue(session, out var written))
        {
            foreach (var (id, latest) in written) _latest.Set(id, latest, new MemoryCacheEntryOptions { Size = 1 });
            _pending.Remove(session);
        }
        return Task.CompletedTask;
    }

    public void Dispose() => _latest.Dispose();

    /// <summary>
    /// The hash of the event before the batch. Missing (a stream older than the chain, or a deleted
    /// row) it chains to the genesis value, and verification reports the gap at that version.
    /// </summary>
    private async Task<string> PreviousHash(IDocumentSession session, Guid streamId, long version, CancellationToken token)
    {
        if (_latest.TryGetValue(streamId, out (long Version, string Hash) latest) && latest.Version == version)
            return latest.Hash;
        var found = await session.QueryAsync<string>(
            $"select hash from {EventHashes.TableName} where stream_id = ? and version = ?", token, streamId, version);
        return found.Count > 0 ? found[0] : EventHashes.Genesis;
    }
}
