using JasperFx;
using JasperFx.Events.Projections;
using Marten;
using ShenHou.Api.Infrastructure;
using ShenHou.Api.Audit;
using ShenHou.Domain.Cases;
using ShenHou.Projections.Cases;
using ShenHou.Projections.Work;
using Weasel.Core;

namespace ShenHou.Benchmarks.Infrastructure;

/// <summary>
/// A Marten store configured like src/ShenHou.Api/Infrastructure/Persistence.cs (same schema,
/// serializer, event types, metadata, inline projections and hash-chain listener), without the
/// async daemon (the service's own daemon projects CaseSummary) or Wolverine: the service's write
/// path below HTTP. The schema itself is created by the service (<c>db-apply</c>), never by this store.
/// </summary>
public static class BenchStore
{
    public static DocumentStore Create(string connectionString) => DocumentStore.For(opts =>
    {
        opts.Connection(ConnectionSettings.WithStatementReuse(connectionString));
        opts.DatabaseSchemaName = "shenhou";
        opts.AutoCreateSchemaObjects = AutoCreate.None;
        opts.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase);
        foreach (var type in CaseEvents.All) opts.Events.AddEventType(type);
        opts.Events.MetadataConfig.CorrelationIdEnabled = true;
        opts.Events.MetadataConfig.CausationIdEnabled = true;

        opts.Projections.LiveStreamAggregation<Case>();
        opts.Projections.Snapshot<CaseDetails>(SnapshotLifecycle.Inline);
        opts.Projections.Add<DepartmentWorkProjection>(ProjectionLifecycle.Inline);
        opts.AddTamperEvidence();
    });
}
