using Weasel.Core;
using Weasel.Postgresql.Tables;

namespace ShenHou.Api.Infrastructure;

/// <summary>
/// A table of totals that triggers keep from a read model's rows (Cases/CaseCounts.cs,
/// Reports/DeliverySums.cs). Created on a database that already holds rows (an upgrade), it starts
/// from their totals: the triggers exist by then (a row written in between fails and the daemon
/// retries it), and the count holds the source's lock, so every writer either finished before it or
/// is counted by the triggers.
/// </summary>
internal sealed class KeptTotalsTable(string name, DbObjectName source, string fill) : Table(name)
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
