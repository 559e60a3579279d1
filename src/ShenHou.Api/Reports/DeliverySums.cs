using Marten;
using ShenHou.Api.Cases;
using ShenHou.Api.Infrastructure;
using ShenHou.Projections.Cases;
using Weasel.Core;
using Weasel.Core.Migrations;
using Weasel.Postgresql;
using Weasel.Postgresql.Functions;
using Weasel.Postgresql.Tables;
using Weasel.Postgresql.Triggers;

namespace ShenHou.Api.Reports;

/// <summary>
/// The compression report's sums per region and day of delivery (China time), kept by PostgreSQL
/// triggers on the <c>CaseSummary</c> table in the same transaction as each row. Summing 60k delivered
/// rows took 20 to 75 ms at 100k cases, depending on whether autovacuum had yet made the covering index
/// usable (docs/benchmarks.md); a year of days per region is a few thousand rows. A truncate (a
/// projection rebuild) empties the sums with the rows.
/// </summary>
internal sealed class DeliverySums(StoreOptions options) : FeatureSchemaBase("DeliverySums", options.Advanced.Migrator)
{
    public const string TableName = CaseNumbers.Schema + ".delivery_sums";
    private const string FunctionName = "sum_deliveries";

    /// <summary>The figures summed, each a column of CaseSummary and of the sums.</summary>
    private static readonly string[] Figures =
        ["materials_separately", "materials_handed_in", "time_separately_working_days", "actual_working_days", "extensions", "correction_rounds"];

    /// <summary>The delivery's calendar day in China time (an interval offset is east-positive).</summary>
    public static string DayOf(string row) => $"({row}.delivered_at at time zone interval '+08:00')::date";

    public static void AddDeliverySums(StoreOptions opts) => opts.Storage.Add(new DeliverySums(opts));

    protected override IEnumerable<ISchemaObject> schemaObjects()
    {
        var summaries = options.Storage.FindFeature(typeof(CaseSummary)).Objects.OfType<Table>().Single().Identifier;
        string Less(string f) => $"{f} = s.{f} - coalesce(old.{f}, 0)";
        string Plus(string f) => $"{f} = s.{f} + excluded.{f}";

        // Written as pg_get_functiondef renders it, so that an unchanged function shows no difference.
        yield return new Function(new PostgresqlObjectName(CaseNumbers.Schema, FunctionName, SchemaUtils.IdentifierUsage.Function), $"""
            CREATE OR REPLACE FUNCTION {CaseNumbers.Schema}.{FunctionName}()
             RETURNS trigger
             LANGUAGE plpgsql
            AS $function$
            begin
              if tg_op = 'TRUNCATE' then
                delete from {TableName};
                return null;
              end if;
              if tg_op in ('UPDATE', 'DELETE') and old.status = 'Delivered' then
                update {TableName} as s set cases = s.cases - 1,
                  meets_target = s.meets_target - (case when old.meets_target then 1 else 0 end),
                  {string.Join(", ", Figures.Select(Less))}
                  where s.region_code = coalesce(old.region_code, '') and s.day = {DayOf("old")};
              end if;
              if tg_op in ('INSERT', 'UPDATE') and new.status = 'Delivered' then
                insert into {TableName} as s (region_code, day, cases, meets_target, {string.Join(", ", Figures)})
                  values (coalesce(new.region_code, ''), {DayOf("new")}, 1, case when new.meets_target then 1 else 0 end,
                    {string.Join(", ", Figures.Select(f => $"coalesce(new.{f}, 0)"))})
                  on conflict (region_code, day) do update set cases = s.cases + 1, meets_target = s.meets_target + excluded.meets_target,
                    {string.Join(", ", Figures.Select(Plus))};
              end if;
              return null;
            end;
            $function$;
            """);

        var call = $"{CaseNumbers.Schema}.{FunctionName}()";
        yield return new Trigger(new PostgresqlObjectName(CaseNumbers.Schema, "delivery_sums_rows", SchemaUtils.IdentifierUsage.General), summaries, call)
        {
            Timing = TriggerTiming.After, Events = TriggerEvents.Insert | TriggerEvents.Delete,
        };
        // Only a delivered row, or one that was, changes the sums.
        yield return new Trigger(new PostgresqlObjectName(CaseNumbers.Schema, "delivery_sums_changes", SchemaUtils.IdentifierUsage.General), summaries, call)
        {
            Timing = TriggerTiming.After, Events = TriggerEvents.Update,
            // As pg_get_triggerdef renders it, so an unchanged trigger shows no difference.
            Condition = "(((old.status)::text = 'Delivered'::text) OR ((new.status)::text = 'Delivered'::text))",
        };
        yield return new Trigger(new PostgresqlObjectName(CaseNumbers.Schema, "delivery_sums_truncate", SchemaUtils.IdentifierUsage.General), summaries, call)
        {
            Timing = TriggerTiming.After, Events = TriggerEvents.Truncate, ForEachRow = false,
        };

        // Last: a database that already holds delivered cases starts from their sums.
        var table = new KeptTotalsTable(TableName, summaries, $"""
            INSERT INTO {TableName} (region_code, day, cases, meets_target, {string.Join(", ", Figures)})
              SELECT coalesce(d.region_code, ''), {DayOf("d")}, count(*), count(*) filter (where d.meets_target),
                {string.Join(", ", Figures.Select(f => $"coalesce(sum(d.{f}), 0)"))}
              FROM {summaries.QualifiedName} d WHERE d.status = 'Delivered' GROUP BY 1, 2;
            """);
        table.AddColumn<string>("region_code").AsPrimaryKey();
        table.AddColumn("day", "date").AsPrimaryKey();
        table.AddColumn<long>("cases").NotNull();
        table.AddColumn<long>("meets_target").NotNull();
        foreach (var figure in Figures) table.AddColumn<long>(figure).NotNull();
        yield return table;
    }
}
