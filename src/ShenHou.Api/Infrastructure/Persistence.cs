using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Npgsql;
using ShenHou.Api.Audit;
using ShenHou.Api.Cases;
using ShenHou.Api.Work;
using ShenHou.Domain.Cases;
using ShenHou.Projections.Cases;
using Wolverine.Marten;

namespace ShenHou.Api.Infrastructure;

internal static class Persistence
{
    public const string ConnectionStringName = "shenhou";

    public static bool ApplyChangesOnStartup(WebApplicationBuilder builder) =>
        builder.Configuration.GetValue("Database:ApplyChangesOnStartup", !builder.Environment.IsProduction());

    public static void AddShenHouPersistence(this WebApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
            throw new InvalidOperationException(
                "No database: set ConnectionStrings__shenhou, or start the service with scripts/run.sh, " +
                "which starts an embedded PostgreSQL when none is given.");

        var dataSource = NpgsqlDataSource.Create(ConnectionSettings.WithStatementReuse(connectionString));
        builder.Services.AddSingleton(dataSource);
        builder.Services.AddSingleton<CaseNumbers>();

        var applyOnStart = ApplyChangesOnStartup(builder);
        var marten = builder.Services.AddMarten(opts =>
            {
                if (!applyOnStart) opts.AutoCreateSchemaObjects = JasperFx.AutoCreate.None;
                opts.Connection(dataSource);
                CaseStore.ConfigureWritePath(opts);
                // Cross-case views that may lag a moment: the async daemon keeps them up.
                opts.Projections.Snapshot<CaseSummary>(SnapshotLifecycle.Async);
                // The window view should trail the events by well under a second even when traffic is light:
                // look for new events every 250 ms, not Marten's default of 1 s at low activity.
                opts.Projections.SlowPollingTime = TimeSpan.FromMilliseconds(250);
                opts.Storage.ExtendedSchemaObjects.Add(CaseNumbers.Table());
                opts.Storage.ExtendedSchemaObjects.Add(Idempotency.Table());
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
            .AddAsyncDaemon(DaemonMode.HotCold);
        // Comparing the whole schema with the database costs most of a second at every start. In
        // Production the schema is a deployment step (`dotnet ShenHou.Api.dll db-apply`, which the
        // Docker image runs first); elsewhere, and with Database:ApplyChangesOnStartup=true, at start-up.
        if (applyOnStart) marten.ApplyAllDatabaseChangesOnStartup();
        builder.Services.AddEventMetadata();
    }
}
