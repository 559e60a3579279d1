using JasperFx.Events.Projections;
using Marten;
using ShenHou.Api.Audit;
using ShenHou.Api.Cases;
using ShenHou.Domain.Cases;
using ShenHou.Projections.Cases;
using ShenHou.Projections.Work;
using Weasel.Core;

namespace ShenHou.Api.Infrastructure;

/// <summary>
/// The store as a command writes to it: schema, serializer, event types and metadata, the write model,
/// the inline projections, how the read models are stored, the hash chain. One definition for the
/// service (Persistence.cs) and for whatever else writes cases the way the service does (the
/// benchmark's Marten row and its seeding), so that neither can drift from the other.
/// </summary>
public static class CaseStore
{
    public static void ConfigureWritePath(StoreOptions opts)
    {
        opts.DatabaseSchemaName = CaseNumbers.Schema;
        opts.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase);
        foreach (var type in CaseEvents.All) opts.Events.AddEventType(type);
        // Which request (correlation) and which message (causation) wrote each event: shown in the history.
        opts.Events.MetadataConfig.CorrelationIdEnabled = true;
        opts.Events.MetadataConfig.CausationIdEnabled = true;

        opts.Projections.LiveStreamAggregation<Case>();
        opts.Projections.Snapshot<CaseDetails>(SnapshotLifecycle.Inline);
        opts.Projections.Add<DepartmentWorkProjection>(ProjectionLifecycle.Inline);
        // Duplicated columns of every read model: an inline write that did not know them would leave them empty.
        opts.AddReadModelSchema();
        // Hash chain on every event, written in the event's transaction (docs/adr/0004-tamper-evident-history.md).
        opts.AddTamperEvidence();
    }
}
