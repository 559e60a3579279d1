using ShenHou.Domain.Cases;

namespace ShenHou.Domain.Compression;

public sealed record MaterialFigures(int Separately, int HandedIn, double Reduction);

public sealed record TimeFigures(
    int SeparatelyWorkingDays, int PlannedWorkingDays, int? ActualWorkingDays, double Reduction);

public sealed record VisitFigures(int Separately, int Actual);

/// <summary>The plan's target: at least 60% less time and 60% fewer materials than separate handling.</summary>
public sealed record CompressionFigures(MaterialFigures Materials, TimeFigures Time, VisitFigures Visits, bool MeetsTarget)
{
    public const double Target = 0.6;

    /// <summary>
    /// Figures for a combination of items. Separately: each item's own materials and time limit, one
    /// after another, one visit per item. Bundled: the distinct materials handed in, the longest
    /// chain of the waiting order (or the actual working days once known), the visits made.
    /// </summary>
    public static CompressionFigures For(
        IReadOnlyList<PlannedItem> items, IReadOnlyList<PlannedMaterial> materials, int actualVisits,
        int? actualWorkingDays = null)
    {
        var separately = items.Sum(i => i.Requires.Count);
        var handedIn = materials.Count(m => m.HandIn);
        var materialFigures = new MaterialFigures(separately, handedIn, Reduction(separately, handedIn));

        var separateDays = items.Sum(i => i.TimeLimitWorkingDays);
        var planned = LongestChain(items);
        var time = new TimeFigures(separateDays, planned, actualWorkingDays,
            Reduction(separateDays, actualWorkingDays ?? planned));

        return new CompressionFigures(materialFigures, time, new VisitFigures(items.Count, actualVisits),
            materialFigures.Reduction >= Target && time.Reduction >= Target);
    }

    /// <summary>
    /// Trips to a window: filing there (or handing in something only a window takes), and collecting
    /// the results there. Handling each item separately is taken as one trip per item.
    /// </summary>
    public static int CountVisits(Channel channel, IEnumerable<PlannedMaterial> materials, DeliveryMethod? delivery) =>
        (channel != Channel.Online || materials.Any(m => m.HandIn && m.OfflineOnly) ? 1 : 0)
        + (delivery == DeliveryMethod.Window ? 1 : 0);

    /// <summary>Working days along the longest chain of "waits for" (items without waits run in parallel).</summary>
    public static int LongestChain(IReadOnlyList<PlannedItem> items)
    {
        var byCode = items.ToDictionary(i => i.Code);
        var finish = new Dictionary<string, int>();
        int Finish(PlannedItem item)
        {
            if (finish.TryGetValue(item.Code, out var f)) return f;
            var start = item.WaitingFor.Where(byCode.ContainsKey).Select(w => Finish(byCode[w])).DefaultIfEmpty(0).Max();
            return finish[item.Code] = start + item.TimeLimitWorkingDays;
        }
        return items.Select(Finish).DefaultIfEmpty(0).Max();
    }

    private static double Reduction(int separately, int bundled) =>
        separately == 0 ? 0 : Math.Round(1 - (double)bundled / separately, 3);
}
