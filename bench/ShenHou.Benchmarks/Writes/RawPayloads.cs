using System.Security.Cryptography;
using System.Text;
using Marten;
using Marten.Events;
using ShenHou.Benchmarks.Cases;
using ShenHou.Domain.Cases;
using ShenHou.Projections.Cases;
using ShenHou.Projections.Work;

namespace ShenHou.Benchmarks.Writes;

public sealed record RawEvent(Guid Id, string TypeName, string DotNetType, string Json, DateTimeOffset At);

/// <summary>Everything one command writes, serialised beforehand so that the twin measures only the database.</summary>
public sealed record RawCommand(
    Guid StreamId, long VersionBefore, IReadOnlyList<RawEvent> Events, string DetailsJson,
    IReadOnlyList<(string Id, string Json)> WorkItems, IReadOnlyList<(long Version, string Type, string Hash, string Previous, DateTimeOffset At)> Hashes);

/// <summary>
/// Folds a case script into the rows Marten would write for each command: the events, the
/// CaseDetails snapshot and the DepartmentWorkItem rows after it (the projections' own code),
/// and the hash-chain rows, with Marten's serializer.
/// </summary>
public sealed class RawPayloads(DocumentStore store)
{
    private static readonly string Genesis = Convert.ToHexStringLower(SHA256.HashData("shenhou/genesis"u8));
    private readonly ISerializer _serializer = store.Options.Serializer();
    private readonly DepartmentWorkProjection _work = new();
    private readonly EventGraph _events = (EventGraph)store.Options.Events;

    public IReadOnlyList<RawCommand> For(CaseScript script)
    {
        var commands = new List<RawCommand>();
        CaseDetails? details = null;
        var rows = new Dictionary<string, DepartmentWorkItem>();
        var version = 0L;
        var previous = Genesis;
        foreach (var command in script.Commands)
        {
            var before = version;
            var events = new List<RawEvent>();
            var hashes = new List<(long, string, string, string, DateTimeOffset)>();
            var touched = new HashSet<string>();
            foreach (var e in command.Events)
            {
                version++;
                var mapping = _events.BuildEvent(e); // Marten's own type names for the event
                var json = _serializer.ToJson(e);
                var stamped = (ICaseEvent)e;
                events.Add(new RawEvent(Guid.NewGuid(), mapping.EventTypeName, mapping.DotNetTypeName, json, stamped.At));
                // A SHA-256 over the previous hash and the event, like the service's chain: the
                // twin needs rows of the same shape and cost to write, not the audit format itself.
                var hash = Convert.ToHexStringLower(SHA256.HashData(
                    Encoding.UTF8.GetBytes($"{previous}|{script.Id}|{version}|{mapping.EventTypeName}|{json}")));
                hashes.Add((version, mapping.EventTypeName, hash, previous, stamped.At));
                previous = hash;

                if (e is CaseSubmitted submitted) details = CaseDetails.Create(submitted);
                else ((dynamic)details!).Apply((dynamic)e);
                foreach (var key in Project(e, rows)) touched.Add(key);
            }
            details!.Version = version;
            commands.Add(new RawCommand(script.Id, before, events, _serializer.ToJson(details),
                touched.Where(rows.ContainsKey).Select(k => (k, _serializer.ToJson(rows[k]))).ToArray(), hashes));
        }
        return commands;
    }

    /// <summary>The DepartmentWorkItem rows an event changes, applied with the projection's own methods.</summary>
    private IEnumerable<string> Project(object e, Dictionary<string, DepartmentWorkItem> rows)
    {
        switch (e)
        {
            case ItemTransferred t:
                var row = _work.Create(t);
                rows[row.Id] = row;
                return [row.Id];
            case CaseWithdrawn w:
                var open = w.OpenItems.Select(i => DepartmentWorkItem.Key(w.CaseId, i)).Where(rows.ContainsKey).ToArray();
                foreach (var key in open) _work.Apply(w, rows[key]);
                return open;
            case ItemClaimed or ItemReleased or ItemApproved or ItemIssued or ItemOverdue or ItemDeadlineApproaching
                or ItemDeadlineExtended or ItemRejected:
                var item = DepartmentWorkItem.Key(((ICaseEvent)e).CaseId, (string)((dynamic)e).ItemCode);
                if (!rows.TryGetValue(item, out var existing)) return []; // closed while still waiting: no row
                _work.Apply((dynamic)e, existing);
                return [item];
            default:
                return [];
        }
    }
}
