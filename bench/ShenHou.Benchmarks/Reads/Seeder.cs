using System.Collections.Concurrent;
using System.Diagnostics;
using Marten;
using Npgsql;
using ShenHou.Benchmarks.Cases;
using ShenHou.Benchmarks.Infrastructure;
using ShenHou.Domain.Calendar;
using ShenHou.Domain.Cases;

namespace ShenHou.Benchmarks.Reads;

/// <summary>What seeding took: cases and events added, and how long the appends took.</summary>
public sealed record SeedResult(int CasesAdded, long EventsAdded, double Seconds)
{
    public double EventsPerSecond => Seconds > 0 ? Math.Round(EventsAdded / Seconds, 1) : 0;
}

/// <summary>
/// Seeds a year of history straight through Marten (filing 100k cases over HTTP would take hours):
/// realistic streams written by the domain's decisions (60% delivered, 20% in progress, the rest
/// awaiting verification, ready for delivery or withdrawn; 5% of decisions rejections), submitted on
/// past days, appended whole, 100 streams per session on 4 sessions at a time. The inline
/// projections and the hash chain are written with them; the service's async daemon then projects
/// the window view's rows. Seeded cases are history: their durable deadline checks are not
/// scheduled (the DeadlineSchedule subscription is moved past them), as a data import would do.
/// </summary>
public sealed class Seeder(IDocumentStore store, CaseScripts scripts, FormFactory forms)
{
    private const int Batch = 100;
    private const int Sessions = 4;
    private readonly ConcurrentDictionary<(string, DateOnly), int> _sequences = new();
    private int _index = 1_000_000; // forms apart from those filed over HTTP

    public async Task<SeedResult> SeedTo(NpgsqlDataSource db, int targetCases)
    {
        var toAdd = (int)Math.Max(0, targetCases - await Sql.Streams(db));
        var eventsBefore = await Sql.Events(db);
        var clock = Stopwatch.StartNew();
        var batches = (toAdd + Batch - 1) / Batch;
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, Sessions).Select(_ => Task.Run(async () =>
        {
            int b;
            while ((b = Interlocked.Increment(ref next)) < batches)
            {
                await using var session = store.LightweightSession();
                for (var k = Math.Min(Batch, toAdd - b * Batch); k > 0; k--)
                {
                    var script = NextCase();
                    session.Events.StartStream<Case>(script.Id, script.AllEvents.ToArray());
                }
                await session.SaveChangesAsync();
            }
        })));
        var seconds = clock.Elapsed.TotalSeconds;
        await Sql.Execute(db, """
            insert into shenhou.mt_event_progression (name, last_seq_id, last_updated)
            select 'DeadlineSchedule:All', coalesce(max(seq_id), 0), now() from shenhou.mt_events
            on conflict (name) do update set last_seq_id = excluded.last_seq_id, last_updated = excluded.last_updated
            """);
        return new SeedResult(toAdd, await Sql.Events(db) - eventsBefore, Math.Round(seconds, 2));
    }

    private CaseScript NextCase()
    {
        var index = Interlocked.Increment(ref _index);
        var random = new Random(index);
        var today = ChinaStandardTime.DayOf(DateTimeOffset.UtcNow);
        var day = today.AddDays(-1 - random.Next(365)); // never today: the service numbers today's cases
        var submittedAt = ChinaStandardTime.StartOf(day).AddHours(8.5 + random.NextDouble() * 8);
        var form = forms.Create(index, submittedAt);
        var sequence = _sequences.AddOrUpdate((form.RegionCode, day), 1, (_, n) => n + 1);
        var number = $"{form.RegionCode}-{day:yyyyMMdd}-{sequence:D5}";
        var outcome = random.Next(100) switch
        {
            < 60 => CaseOutcome.Delivered,
            < 80 => CaseOutcome.InProgress,
            < 88 => CaseOutcome.AwaitingVerification,
            < 93 => CaseOutcome.ReadyForDelivery,
            _ => CaseOutcome.Withdrawn,
        };
        return scripts.Write(Guid.CreateVersion7(submittedAt), number, form, submittedAt, outcome, random);
    }
}
