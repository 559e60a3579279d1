using ShenHou.Domain.Compression;

namespace ShenHou.Api.Reports;

/// <summary>Materials summed over cases; <c>reduction</c> = 1 - handedIn / separately (ratio of sums, 3 decimals).</summary>
public sealed record MaterialTotals(long Separately, long HandedIn, double Reduction);

/// <summary>Working days summed over cases; <c>reduction</c> = 1 - actual / separately (ratio of sums, 3 decimals).</summary>
public sealed record TimeTotals(long SeparatelyWorkingDays, long ActualWorkingDays, double Reduction);

/// <summary>
/// One group of the report: a region (key = region code), a month of delivery in China time
/// (key = <c>2026-12</c>) or an item (key = item code). By item, a case counts in the group of every
/// item it contains, with the case's whole figures, so groups overlap and do not add up to the total.
/// </summary>
/// <param name="Name">For display: the region's or item's Chinese name from the catalog, or the month.</param>
/// <param name="Extensions">Deadline extensions granted in these cases.</param>
/// <param name="CorrectionRounds">Correction rounds (一次性告知补正) in these cases.</param>
public sealed record CompressionGroup(
    string Key, string Name, long Cases, long CasesMeetingTarget, MaterialTotals Materials, TimeTotals Time,
    long Extensions, long CorrectionRounds);

/// <summary>
/// 压缩比报告: delivered cases only. <c>target</c> is the plan's 0.6 for both reductions; a case meets
/// it when both of its own reductions reach it.
/// </summary>
public sealed record CompressionReport(
    long Cases, double Target, long CasesMeetingTarget, MaterialTotals Materials, TimeTotals Time,
    IReadOnlyList<CompressionGroup> Groups, long Extensions, long CorrectionRounds,
    DateOnly? From, DateOnly? To, string? RegionCode, string? GroupBy);

/// <summary>A delivered case below the target. <c>reasons</c>: <c>materials</c> and/or <c>time</c>.</summary>
public sealed record CompressionMiss(
    Guid Id, string CaseNumber, string RegionCode, DateTimeOffset DeliveredAt, MaterialFigures Materials,
    TimeFigures Time, bool MeetsTarget, IReadOnlyList<string> Reasons);

public sealed record CompressionMisses(long Total, int Page, int PageSize, IReadOnlyList<CompressionMiss> Items);

/// <summary>Sums of one row of the report's SQL, before names and reductions.</summary>
internal sealed record ReportRow(
    string? Key, long Cases, long Meeting, long MaterialsSeparately, long MaterialsHandedIn,
    long TimeSeparately, long TimeActual, long Extensions, long CorrectionRounds)
{
    public MaterialTotals Materials => new(MaterialsSeparately, MaterialsHandedIn, Reduction(MaterialsSeparately, MaterialsHandedIn));
    public TimeTotals Time => new(TimeSeparately, TimeActual, Reduction(TimeSeparately, TimeActual));

    /// <summary>As <see cref="CompressionFigures"/> rounds a case's reduction: 3 decimals, 0 when nothing is compared.</summary>
    public static double Reduction(long separately, long bundled) =>
        separately == 0 ? 0 : Math.Round(1 - (double)bundled / separately, 3);
}
