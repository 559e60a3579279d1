using Marten;
using ShenHou.Api.Infrastructure;
using Weasel.Core;
using Weasel.Core.Migrations;
using Weasel.Postgresql;
using Weasel.Postgresql.Functions;
using Weasel.Postgresql.Tables;
using Weasel.Postgresql.Triggers;

namespace ShenHou.Api.Cases;

/// <summary>
/// How many cases the window view holds per region and status, kept by PostgreSQL triggers on the
/// <c>CaseSummary</c> table in the same transaction as each row, so the totals are exact and never
/// drift from the rows (a truncate, as in a projection rebuild, empties them too). Counting 100k rows
/// for every page took about 30 ms (docs/benchmarks.md); these totals are one small index read.
/// </summary>
internal sealed class CaseCounts(StoreOptions options) : FeatureSchemaBase("CaseCounts", options.Advanced.Migrator)
{
    public const string TableName = CaseNumbers.Schema + ".case_counts";
    private const string FunctionName = CaseNumbers.Schema + ".count_case_summaries";

    public static void AddCaseCounts(StoreOptions opts) => opts.Storage.Add(new CaseCounts(opts));

    /// <summary>After the document tables: Marten yields features added with Storage.Add last.</summary>
    protected override IEnumerable<ISchemaObject> schemaObjects()
    {
        var summaries = options.Storage.FindFeature(typeof(Projections.Cases.CaseSummary)).Objects.OfType<Table>().Single().Identifier;
        // Written as pg_get_functiondef renders it, so that an unchanged function shows no difference.
        yield return new Function(new PostgresqlObjectName(CaseNumbers.Schema, FunctionName.Split('.')[1], SchemaUtils.IdentifierUsage.Function), $"""
            CREATE OR REPLACE FUNCTION {FunctionName}()
             RETURNS trigger
             LANGUAGE plpgsql
            AS $function$
            begin
              if tg_op = 'TRUNCATE' then
                delete from {TableName};
                return null;
              end if;
              if tg_op in ('UPDATE', 'DELETE') then
                update {TableName} set cases = cases - 1
                  where region_code = coalesce(old.region_code, '') and status = coalesce(old.status, '');
              end if;
              if tg_op in ('INSERT', 'UPDATE') then
                insert into {TableName} as c (region_code, status, cases)
                  values (coalesce(new.region_code, ''), coalesce(new.status, ''), 1)
                  on conflict (region_code, status) do update set cases = c.cases + 1;
              end if;
              return null;
            end;
            $function$;
            """);

        var call = $"{FunctionName}()";
        yield return new Trigger(new PostgresqlObjectName(CaseNumbers.Schema, "case_counts_rows", SchemaUtils.IdentifierUsage.General), summaries, call)
        {
            Timing = TriggerTiming.After, Events = TriggerEvents.Insert | TriggerEvents.Delete,
        };
        // Most updates move a case along within its status: only a change of status or region counts.
        yield return new Trigger(new PostgresqlObjectName(CaseNumbers.Schema, "case_counts_moves", SchemaUtils.IdentifierUsage.General), summaries, call)
        {
            Timing = TriggerTiming.After, Events = TriggerEvents.Update,
            // As pg_get_triggerdef renders it (the columns are varchar), so an unchanged trigger shows no difference.
            Condition = "(((old.status)::text IS DISTINCT FROM (new.status)::text) " +
                        "OR ((old.region_code)::text IS DISTINCT FROM (new.region_code)::text))",
        };
        yield return new Trigger(new PostgresqlObjectName(CaseNumbers.Schema, "case_counts_truncate", SchemaUtils.IdentifierUsage.General), summaries, call)
        {
            Timing = TriggerTiming.After, Events = TriggerEvents.Truncate, ForEachRow = false,
        };

        // Last, so that a database which already holds cases is counted once the triggers count the rest.
        var table = new KeptTotalsTable(TableName, summaries,
            $"INSERT INTO {TableName} (region_code, status, cases) " +
            $"SELECT coalesce(region_code, ''), coalesce(status, ''), count(*) FROM {summaries.QualifiedName} GROUP BY 1, 2;");
        table.AddColumn<string>("region_code").AsPrimaryKey();
        table.AddColumn<string>("status").AsPrimaryKey();
        table.AddColumn<long>("cases").NotNull();
        yield return table;
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
