using JasperFx;
using Marten;
using ShenHou.Api.Infrastructure;

namespace ShenHou.Benchmarks.Infrastructure;

/// <summary>
/// A Marten store that writes cases exactly as the service does (<see cref="CaseStore.ConfigureWritePath"/>:
/// schema, serializer, event types, metadata, inline projections with their duplicated columns, the
/// hash chain), without the async daemon (the service's own daemon projects CaseSummary) or
/// Wolverine: the service's write path below HTTP. The schema itself is created by the service
/// (<c>db-apply</c>), never by this store.
/// </summary>
public static class BenchStore
{
    public static DocumentStore Create(string connectionString) => DocumentStore.For(opts =>
    {
        opts.Connection(ConnectionSettings.WithStatementReuse(connectionString));
        opts.AutoCreateSchemaObjects = AutoCreate.None;
        CaseStore.ConfigureWritePath(opts);
    });
}
