using Marten;
using ShenHou.Api.Cases;
using ShenHou.Projections.Cases;
using Weasel.Core;
using Weasel.Core.Migrations;
using Weasel.Postgresql;
using Weasel.Postgresql.Functions;
using Weasel.Postgresql.Tables;
using Weasel.Postgresql.Triggers;

namespace ShenHou.Api.Infrastructure;

/// <summary>
/// A table of totals that PostgreSQL triggers keep from the <c>CaseSummary</c> rows, in the same
/// transaction as each row (docs/adr/0007-totals-kept-by-the-database.md): a row trigger on insert and
/// delete, one on the updates that can change the totals, and a statement trigger that empties them on
/// a truncate (a projection rebuild, a test reset). Added with <c>opts.Storage.Add</c>, so Marten
/// creates it after the document tables. Function and triggers are written as PostgreSQL renders them,
/// so an unchanged database shows no difference.
/// </summary>
internal abstract class KeptTotals(string identifier, StoreOptions options, string table, string function, string updateTrigger)
    : FeatureSchemaBase(identifier, options.Advanced.Migrator)
{
    /// <summary>The plpgsql that adds <c>new</c> and takes away <c>old</c>, after the truncate case.</summary>
    protected abstract string KeepTotals { get; }

    /// <summary>Which updates fire the trigger, as <c>pg_get_triggerdef</c> renders the condition.</summary>
    protected abstract string UpdateCondition { get; }

    /// <summary>The totals of the rows already there, when the table is created on a database that has some.</summary>
    protected abstract string Fill(DbObjectName summaries);

    protected abstract void AddColumns(Table totals);

    protected override IEnumerable<ISchemaObject> schemaObjects()
    {
        var summaries = options.Storage.FindFeature(typeof(CaseSummary)).Objects.OfType<Table>().Single().Identifier;
        yield return new Function(Name(function, SchemaUtils.IdentifierUsage.Function), $"""
            CREATE OR REPLACE FUNCTION {CaseNumbers.Schema}.{function}()
             RETURNS trigger
             LANGUAGE plpgsql
            AS $function$
            begin
              if tg_op = 'TRUNCATE' then
                delete from {CaseNumbers.Schema}.{table};
                return null;
              end if;
            {KeepTotals}
              return null;
            end;
            $function$;
            """);

        var call = $"{CaseNumbers.Schema}.{function}()";
        yield return new Trigger(Name($"{table}_rows"), summaries, call)
        {
            Timing = TriggerTiming.After, Events = TriggerEvents.Insert | TriggerEvents.Delete,
        };
        yield return new Trigger(Name(updateTrigger), summaries, call)
        {
            Timing = TriggerTiming.After, Events = TriggerEvents.Update, Condition = UpdateCondition,
        };
        yield return new Trigger(Name($"{table}_truncate"), summaries, call)
        {
            Timing = TriggerTiming.After, Events = TriggerEvents.Truncate, ForEachRow = false,
        };

        // Last: created on a database that already holds rows (an upgrade), the table starts from their
        // totals. The triggers exist by then (a row written in between fails and the daemon retries it),
        // and the count holds the rows' lock, so every writer either finished before it or is counted.
        var totals = new FilledOnCreate($"{CaseNumbers.Schema}.{table}", summaries, Fill(summaries));
        AddColumns(totals);
        yield return totals;
    }

    private static PostgresqlObjectName Name(string name, SchemaUtils.IdentifierUsage usage = SchemaUtils.IdentifierUsage.General) =>
        new(CaseNumbers.Schema, name, usage);

    private sealed class FilledOnCreate(string name, DbObjectName source, string fill) : Table(name)
    {
        public override void WriteCreateStatement(Migrator migrator, TextWriter writer)
        {
            base.WriteCreateStatement(migrator, writer);
            writer.WriteLine($"""
                DO $$ BEGIN
                  LOCK TABLE {source.QualifiedName} IN SHARE ROW EXCLUSIVE MODE;
                  DELETE FROM {Identifier.QualifiedName};
                  {fill}
                END $$;
                """);
        }
    }
}
