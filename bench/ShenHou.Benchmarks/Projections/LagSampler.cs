using System.Diagnostics;
using Npgsql;
using ShenHou.Benchmarks.Infrastructure;

namespace ShenHou.Benchmarks.Projections;

/// <summary>
/// Async projection lag under load: every few milliseconds, the newest committed event and how far
/// the CaseSummary projection (the window view's rows) has got, in one query. For each sample that
/// saw new events, the lag is the time until a later sample shows the projection at or past them:
/// time from an append being committed to it being visible in the window view, to within the
/// sampling interval.
/// </summary>
public sealed class LagSampler(NpgsqlDataSource db)
{
    private const string Probe = """
        select (select max(seq_id) from shenhou.mt_events),
               (select last_seq_id from shenhou.mt_event_progression where name = 'CaseSummary:All')
        """;

    private readonly List<(double At, long Head, long Projected)> _samples = [];

    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(5);

    /// <summary>Samples until cancelled, then until the projection has caught up (at most 30 s more).</summary>
    public async Task Run(CancellationToken stop)
    {
        var clock = Stopwatch.StartNew();
        var head = 0L;
        var drainUntil = TimeSpan.MaxValue;
        while (true)
        {
            await using (var command = db.CreateCommand(Probe))
            await using (var reader = await command.ExecuteReaderAsync())
            {
                await reader.ReadAsync();
                head = reader.IsDBNull(0) ? 0 : reader.GetInt64(0);
                var projected = reader.IsDBNull(1) ? 0 : reader.GetInt64(1);
                _samples.Add((clock.Elapsed.TotalMilliseconds, head, projected));
                if (stop.IsCancellationRequested)
                {
                    if (drainUntil == TimeSpan.MaxValue) drainUntil = clock.Elapsed + TimeSpan.FromSeconds(30);
                    if (projected >= head || clock.Elapsed > drainUntil) break;
                }
            }
            await Task.Delay(Interval);
        }
    }

    /// <summary>The lag of every sample that saw new events; unprojected ones at the end count as lagging until the last sample.</summary>
    public Percentiles Lags()
    {
        var lags = new List<double>();
        var seen = 0L;
        var j = 0;
        for (var i = 0; i < _samples.Count; i++)
        {
            var (at, head, _) = _samples[i];
            if (head <= seen) continue;
            seen = head;
            if (j < i) j = i;
            while (j < _samples.Count && _samples[j].Projected < head) j++;
            lags.Add((j < _samples.Count ? _samples[j].At : _samples[^1].At) - at);
        }
        return Percentiles.Of(lags);
    }
}
