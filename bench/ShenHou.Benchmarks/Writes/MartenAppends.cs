using Marten;
using ShenHou.Benchmarks.Cases;
using ShenHou.Domain.Cases;

namespace ShenHou.Benchmarks.Writes;

/// <summary>
/// Marten appends as the endpoints make them, without HTTP or Wolverine: per command a lightweight
/// session, the stream locked and loaded (<c>FetchForExclusiveWriting</c>), the events appended, and
/// SaveChanges running the inline projections and the hash-chain listener in one transaction.
/// </summary>
public static class MartenAppends
{
    public static Task<WriteResult> Run(IDocumentStore store, IReadOnlyList<CaseScript> cases, int concurrency) =>
        WorkloadRunner.Run("Marten appends", cases, concurrency, async (script, index) =>
        {
            await using var session = store.LightweightSession();
            var events = script.Commands[index].Events;
            if (index == 0) session.Events.StartStream<Case>(script.Id, events);
            else
            {
                var stream = await session.Events.FetchForExclusiveWriting<Case>(script.Id);
                stream.AppendMany(events);
            }
            await session.SaveChangesAsync();
        });
}
