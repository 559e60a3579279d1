using JasperFx.Events.Daemon;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using ShenHou.Api.Reports;
using ShenHou.Projections.Cases;
using ShenHou.Tests.Support;

namespace ShenHou.Tests.Reports;

/// <summary>
/// The report's totals come from sums kept per region and day; grouped by item they come from the
/// delivered rows. Both must always say the same, also after a rebuild and on a database that had
/// cases before the sums existed.
/// </summary>
public sealed class DeliverySumsTests(AppFixture app) : ReportTest(app)
{
    private async Task KeptSumsMatchTheRows(string query = "")
    {
        var kept = await Report(query);
        var counted = await Report(query.Length == 0 ? "?groupBy=item" : query + "&groupBy=item");
        Assert.Equal((counted.Cases, counted.CasesMeetingTarget, counted.Materials, counted.Time, counted.Extensions, counted.CorrectionRounds),
            (kept.Cases, kept.CasesMeetingTarget, kept.Materials, kept.Time, kept.Extensions, kept.CorrectionRounds));
    }

    [Fact]
    public async Task kept_sums_match_the_rows_through_a_rebuild_and_when_added_to_an_older_database()
    {
        await Delivered("620100", Beijing(2026, 12, 1), Beijing(2026, 12, 2, 16), ["DEATH_CERT", "HUKOU_CANCEL"]);
        await Delivered("620100", Beijing(2026, 12, 2), Beijing(2026, 12, 3, 11), ["DRIVING_LICENSE_CANCEL"],
            whileWorking: id => Api.Extend(id, "DRIVING_LICENSE_CANCEL", 1));
        // 07:30 in Beijing is still Dec 2 in UTC: the day of delivery is China's.
        await Delivered("620200", Beijing(2026, 12, 2), Beijing(2026, 12, 3, 7, 30), ["DEATH_CERT"]);
        await Accepted("620200", Beijing(2026, 12, 3), ["HUKOU_CANCEL"]); // not delivered: not counted

        Assert.Equal(3, (await Report()).Cases);
        Assert.Equal(2, (await Report("?from=2026-12-03&to=2026-12-03")).Cases);
        foreach (var query in new[] { "", "?regionCode=620100", "?from=2026-12-03&to=2026-12-03", "?to=2026-12-02" })
            await KeptSumsMatchTheRows(query);

        var daemon = Host.Services.GetRequiredService<IProjectionCoordinator>().DaemonForMainDatabase();
        await daemon.RebuildProjectionAsync<CaseSummary>(TimeSpan.FromSeconds(30), CancellationToken.None);
        await KeptSumsMatchTheRows();
        Assert.Equal(3, (await Report()).Cases);

        var store = Host.Services.GetRequiredService<IDocumentStore>();
        await using (var session = store.LightweightSession())
        {
            session.QueueSqlCommand($"drop table {DeliverySums.TableName}");
            await session.SaveChangesAsync();
        }
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        await KeptSumsMatchTheRows();
        Assert.Equal(3, (await Report()).Cases);
    }
}
