using Marten;
using ShenHou.Api.Cases;
using ShenHou.Api.Infrastructure;
using Weasel.Core;
using Weasel.Postgresql.Tables;

namespace ShenHou.Api.Reports;

/// <summary>
/// The compression report's sums per region and day of delivery (China time), kept by the database
/// with the rows (<see cref="KeptTotals"/>). Summing 60k delivered rows took 20 to 75 ms at 100k
/// cases, depending on whether autovacuum had yet made the covering index usable (docs/benchmarks.md);
/// a year of days per region is a few thousand rows.
/// </summary>
internal sealed class DeliverySums(StoreOptions options)
    : KeptTotals("DeliverySums", options, "delivery_sums", "sum_deliveries", "delivery_sums_changes")
{
    public const string TableName = CaseNumbers.Schema + ".delivery_sums";

    /// <summary>The figures summed, each a column of CaseSummary and of the sums.</summary>
    private static readonly string[] Figures =
        ["materials_separately", "materials_handed_in", "time_separately_working_days", "actual_working_days", "extensions", "correction_rounds"];

    public static void AddDeliverySums(StoreOptions opts) => opts.Storage.Add(new DeliverySums(opts));

    /// <summary>The delivery's calendar day in China time (an interval offset is east-positive).</summary>
    private static string DayOf(string row) => $"({row}.delivered_at at time zone interval '+08:00')::date";

    protected override string KeepTotals => $"""
          if tg_op in ('UPDATE', 'DELETE') and old.status = 'Delivered' then
            update {TableName} as s set cases = s.cases - 1,
              meets_target = s.meets_target - (case when old.meets_target then 1 else 0 end),
              {string.Join(", ", Figures.Select(f => $"{f} = s.{f} - coalesce(old.{f}, 0)"))}
              where s.region_code = coalesce(old.region_code, '') and s.day = {DayOf("old")};
          end if;
          if tg_op in ('INSERT', 'UPDATE') and new.status = 'Delivered' then
            insert into {TableName} as s (region_code, day, cases, meets_target, {string.Join(", ", Figures)})
              values (coalesce(new.region_code, ''), {DayOf("new")}, 1, case when new.meets_target then 1 else 0 end,
                {string.Join(", ", Figures.Select(f => $"coalesce(new.{f}, 0)"))})
              on conflict (region_code, day) do update set cases = s.cases + 1, meets_target = s.meets_target + excluded.meets_target,
                {string.Join(", ", Figures.Select(f => $"{f} = s.{f} + excluded.{f}"))};
          end if;
        """;

    // Only a delivered row, or one that was, changes the sums.
    protected override string UpdateCondition =>
        "(((old.status)::text = 'Delivered'::text) OR ((new.status)::text = 'Delivered'::text))";

    protected override string Fill(DbObjectName summaries) => $"""
        INSERT INTO {TableName} (region_code, day, cases, meets_target, {string.Join(", ", Figures)})
          SELECT coalesce(d.region_code, ''), {DayOf("d")}, count(*), count(*) filter (where d.meets_target),
            {string.Join(", ", Figures.Select(f => $"coalesce(sum(d.{f}), 0)"))}
          FROM {summaries.QualifiedName} d WHERE d.status = 'Delivered' GROUP BY 1, 2;
        """;

    protected override void AddColumns(Table totals)
    {
        totals.AddColumn<string>("region_code").AsPrimaryKey();
        totals.AddColumn("day", "date").AsPrimaryKey();
        totals.AddColumn<long>("cases").NotNull();
        totals.AddColumn<long>("meets_target").NotNull();
        foreach (var figure in Figures) totals.AddColumn<long>(figure).NotNull();
    }
}
