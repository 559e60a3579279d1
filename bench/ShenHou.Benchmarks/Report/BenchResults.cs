using ShenHou.Benchmarks.Http;
using ShenHou.Benchmarks.Infrastructure;
using ShenHou.Benchmarks.Projections;
using ShenHou.Benchmarks.Reads;
using ShenHou.Benchmarks.Startup;
using ShenHou.Benchmarks.Writes;

namespace ShenHou.Benchmarks.Report;

/// <summary>One target of issue 7 and whether this run met it.</summary>
public sealed record TargetCheck(string Name, string Target, string Measured, bool Met, string? Note = null);

/// <summary>Everything one run measured: written as JSON and as the table in docs/benchmarks.md.</summary>
public sealed record BenchResults(
    string Profile,
    MachineInfo Machine,
    WriteResult RawTwin,
    WriteResult MartenAppends,
    WriteResult HttpMaximum,
    FixedRateResult HttpFixedRate,
    Percentiles ProjectionLagMs,
    IReadOnlyList<ReadResult> Reads,
    RebuildResult Rebuild,
    IReadOnlyList<ColdStartResult> ColdStarts,
    double ServicePeakMemoryMB,
    double TotalSeconds)
{
    public IReadOnlyList<TargetCheck> Targets => TargetChecks.Evaluate(this);
}
