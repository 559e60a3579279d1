using Marten;
using ShenHou.Api.Infrastructure;
using Weasel.Core;
using Weasel.Postgresql.Tables;

namespace ShenHou.Api.Cases;

/// <summary>
/// How many cases the window view holds per region and status, kept by the database with the rows
/// (<see cref="KeptTotals"/>), so the totals are exact and never drift from the rows. Counting 100k
/// rows for every page took about 30 ms (docs/benchmarks.md); these totals are one small index read.
/// </summary>
internal sealed class CaseCounts(StoreOptions options)
    : KeptTotals("CaseCounts", options, "case_counts", "count_case_summaries", "case_counts_moves")
{
    public const string TableName = CaseNumbers.Schema + ".case_counts";

    public static void AddCaseCounts(StoreOptions opts) => opts.Storage.Add(new CaseCounts(opts));

    protected override string KeepTotals => $"""
          if tg_op in ('UPDATE', 'DELETE') then
            update {TableName} set cases = cases - 1
              where region_code = coalesce(old.region_code, '') and status = coalesce(old.status, '');
          end if;
          if tg_op in ('INSERT', 'UPDATE') then
            insert into {TableName} as c (region_code, status, cases)
              values (coalesce(new.region_code, ''), coalesce(new.status, ''), 1)
              on conflict (region_code, status) do update set cases = c.cases + 1;
          end if;
        """;

    // Most updates move a case along within its status: only a change of status or region counts.
    protected override string UpdateCondition =>
        "(((old.status)::text IS DISTINCT FROM (new.status)::text) OR ((old.region_code)::text IS DISTINCT FROM (new.region_code)::text))";

    protected override string Fill(DbObjectName summaries) =>
        $"INSERT INTO {TableName} (region_code, status, cases) " +
        $"SELECT coalesce(region_code, ''), coalesce(status, ''), count(*) FROM {summaries.QualifiedName} GROUP BY 1, 2;";

    protected override void AddColumns(Table totals)
    {
        totals.AddColumn<string>("region_code").AsPrimaryKey();
        totals.AddColumn<string>("status").AsPrimaryKey();
        totals.AddColumn<long>("cases").NotNull();
    }

    /// <summary>
    /// The exact number of cases in the window view of a region (or all) in a status (or all),
    /// read in the caller's session so it sees what the page query sees.
    /// </summary>
    public static async Task<int> Total(IQuerySession session, string? regionCode, string? status, CancellationToken ct)
    {
        var found = await session.QueryAsync<long>(
            $"select coalesce(sum(cases), 0) from {TableName} where (? = '' or region_code = ?) and (? = '' or status = ?)",
            ct, regionCode ?? "", regionCode ?? "", status ?? "", status ?? "");
        return (int)found[0];
    }
}
