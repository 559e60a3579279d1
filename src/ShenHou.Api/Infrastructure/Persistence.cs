using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Npgsql;
using ShenHou.Api.Audit;
using ShenHou.Api.Cases;
using ShenHou.Api.Work;
using ShenHou.Domain.Cases;
using ShenHou.Projections.Cases;
using ShenHou.Projections.Work;
using Weasel.Core;
using Wolverine.Marten;

namespace ShenHou.Api.Infrastructure;

internal static class Persistence
{
    public const string ConnectionStringName = "shenhou";

    public static void AddShenHouPersistence(this WebApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
            throw new InvalidOperationException(
                "No database: set ConnectionStrings__shenhou, or start the service with scripts/run.sh, " +
                "which starts an embedded PostgreSQL when none is given.");

        var dataSource = NpgsqlDataSource.Create(connectionString);
        builder.Services.AddSingleton(dataSource);
        builder.Services.AddSingleton<CaseNumbers>();

        builder.Services.AddMarten(opts =>
            {
                opts.Connection(dataSource);
                opts.DatabaseSchemaName = CaseNumbers.Schema;
                opts.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase);
                foreach (var type in CaseEvents.All) opts.Events.AddEventType(type);
                // Which request (correlation) and which message (causation) wrote each event: shown in the history.
                opts.Events.MetadataConfig.CorrelationIdEnabled = true;
                opts.Events.MetadataConfig.CausationIdEnabled = true;

                opts.Projections.LiveStreamAggregation<Case>();
                opts.Projections.Snapshot<CaseDetails>(SnapshotLifecycle.Inline);
                opts.Schema.For<CaseDetails>().UniqueIndex(d => d.CaseNumber);
                opts.Projections.Add<DepartmentWorkProjection>(ProjectionLifecycle.Inline);
                // Cross-case views that may lag a moment: the async daemon keeps them up.
                opts.Projections.Snapshot<CaseSummary>(SnapshotLifecycle.Async);
                opts.Schema.For<CaseSummary>()
                    .Index(x => x.RegionCode).Index(x => x.Status).Index(x => x.SubmittedAt).Index(x => x.DueAt)
                    .Index(x => x.CaseNumber).Index(x => x.EarliestOpenDueAt).Index(x => x.DeliveredAt);
                opts.Schema.For<DepartmentWorkItem>()
                    .Index(r => r.Department).Index(r => r.DueAt).Index(r => r.Open).Index(r => r.RegionCode);

                opts.Storage.ExtendedSchemaObjects.Add(CaseNumbers.Table());
                opts.Storage.ExtendedSchemaObjects.Add(Idempotency.Table());
                // Hash chain on every event, written in the event's transaction (docs/adr/0004-tamper-evident-history.md).
                opts.AddTamperEvidence();
            })
            .IntegrateWithWolverine()
            // Each deadline becomes two durable scheduled checks (75% and just past due) in PostgreSQL.
            .PublishEventsToWolverine("DeadlineSchedule", relay =>
            {
                relay.PublishEvent<ItemTransferred>((e, bus) =>
                    DeadlineSchedule.Schedule(bus, e.Data.CaseId, e.Data.ItemCode, e.Data.WarnAt, e.Data.DueAt));
                relay.PublishEvent<ItemDeadlineExtended>((e, bus) =>
                    DeadlineSchedule.Schedule(bus, e.Data.CaseId, e.Data.ItemCode, e.Data.WarnAt, e.Data.DueAt));
            })
            .UseLightweightSessions()
            .AddAsyncDaemon(DaemonMode.HotCold)
            .ApplyAllDatabaseChangesOnStartup();
        builder.Services.AddEventMetadata();
    }
}
