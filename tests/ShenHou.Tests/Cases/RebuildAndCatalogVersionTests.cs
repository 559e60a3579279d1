using System.Text.Json;
using System.Text.Json.Nodes;
using Alba;
using JasperFx.Events.Daemon;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using ShenHou.Api.Cases;
using ShenHou.Api.Infrastructure;
using ShenHou.Domain.Cases;
using ShenHou.Projections.Cases;
using ShenHou.Projections.Work;
using ShenHou.Tests.Support;

namespace ShenHou.Tests.Cases;

public sealed class RebuildAndCatalogVersionTests(AppFixture app) : ApiTest(app)
{
    private async Task<string> Snapshot<T>() where T : notnull
    {
        await using var session = Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var docs = (await session.Query<T>().ToListAsync()).Select(d => JsonSerializer.Serialize(d, Json.Options)).Order();
        return string.Join("\n", docs);
    }

    [Fact]
    public async Task rebuilding_every_projection_from_the_events_gives_the_same_read_models()
    {
        // A spread of states: delivered, corrected, claimed and extended, withdrawn.
        var delivered = await Api.Submit(Forms.For("DEATH_CERT", "HUKOU_CANCEL"));
        await Api.VerifyAll(delivered.Id);
        await Api.Accept(delivered.Id);
        foreach (var item in new[] { "DEATH_CERT", "HUKOU_CANCEL" }) { await Api.Decide(delivered.Id, item); await Api.Issue(delivered.Id, item); }
        await Api.Deliver(delivered.Id);

        var working = await Api.Submit(Forms.For("DRIVING_LICENSE_CANCEL", "DEATH_CERT"));
        await Api.Command($"/api/cases/{working.Id}/correction-requests",
            new RequestCorrection([new DeficiencyForm("APPLICANT_ID", "复印件不清晰")], null));
        await Api.Command($"/api/cases/{working.Id}/supplements", new ReceiveSupplements(["APPLICANT_ID"], null, null));
        await Api.VerifyAll(working.Id);
        await Api.Accept(working.Id);
        await Api.Claim(working.Id, "DRIVING_LICENSE_CANCEL", "officer-zhao");
        await Api.Extend(working.Id, "DEATH_CERT", 2);
        await Api.Decide(working.Id, "DEATH_CERT", approved: false, reason: "信息不符");

        var withdrawn = await Api.Submit(Forms.For("PENSION_SURVIVOR_BENEFIT"));
        await Api.Withdraw(withdrawn.Id);
        await Projected();

        var before = (await Snapshot<CaseDetails>(), await Snapshot<CaseSummary>(), await Snapshot<DepartmentWorkItem>());
        Assert.Contains("officer-zhao", before.Item3);

        // Wipe the read models so that only the rebuild can bring them back.
        var store = Host.Services.GetRequiredService<IDocumentStore>();
        foreach (var type in new[] { typeof(CaseDetails), typeof(CaseSummary), typeof(DepartmentWorkItem) })
            await store.Advanced.Clean.DeleteDocumentsByTypeAsync(type);
        Assert.Equal("", await Snapshot<CaseDetails>());

        var daemon = Host.Services.GetRequiredService<IProjectionCoordinator>().DaemonForMainDatabase();
        await daemon.RebuildProjectionAsync<CaseDetails>(TimeSpan.FromSeconds(30), CancellationToken.None);
        await daemon.RebuildProjectionAsync<CaseSummary>(TimeSpan.FromSeconds(30), CancellationToken.None);
        await daemon.RebuildProjectionAsync<DepartmentWorkItem>(TimeSpan.FromSeconds(30), CancellationToken.None);

        var after = (await Snapshot<CaseDetails>(), await Snapshot<CaseSummary>(), await Snapshot<DepartmentWorkItem>());
        Assert.Equal(before.Item1, after.Item1);
        Assert.Equal(before.Item2, after.Item2);
        Assert.Equal(before.Item3, after.Item3);
    }

    [Fact]
    public async Task a_case_keeps_the_catalog_version_it_was_submitted_under()
    {
        var old = await Api.Submit(Forms.For("DEATH_CERT", "HUKOU_CANCEL"));
        var oldFigures = (await Api.Get(old.Id)).Compression;

        // Version 2026.3 doubles HUKOU_CANCEL's time limit.
        var catalog = JsonNode.Parse(await File.ReadAllTextAsync(CatalogFile()))!;
        catalog["version"] = "2026.3";
        var hukou = catalog["items"]!.AsArray().Single(i => i!["code"]!.GetValue<string>() == "HUKOU_CANCEL")!;
        var oldLimit = hukou["timeLimitWorkingDays"]!.GetValue<int>();
        hukou["timeLimitWorkingDays"] = oldLimit * 2;
        var path = Path.Combine(Path.GetTempPath(), $"catalog-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, catalog.ToJsonString());
        try
        {
            await using var upgraded = await App.StartHost(("Catalog:Path", path));
            var api = new CaseApi(upgraded);
            var fresh = await api.Submit(Forms.For("DEATH_CERT", "HUKOU_CANCEL"));
            var freshCase = await api.Get(fresh.Id);
            Assert.Equal("2026.3", freshCase.CatalogVersion);
            Assert.Equal(oldLimit * 2, freshCase.Items.Single(i => i.Code == "HUKOU_CANCEL").TimeLimitWorkingDays);

            // The old case, worked and delivered under the new catalog, keeps its own plan.
            await api.VerifyAll(old.Id);
            await api.Accept(old.Id);
            foreach (var item in new[] { "DEATH_CERT", "HUKOU_CANCEL" }) { await api.Decide(old.Id, item); await api.Issue(old.Id, item); }
            await api.Deliver(old.Id);
            var oldCase = await api.Get(old.Id);
            Assert.Equal("2026.2", oldCase.CatalogVersion);
            Assert.Equal(oldLimit, oldCase.Items.Single(i => i.Code == "HUKOU_CANCEL").TimeLimitWorkingDays);
            Assert.Equal(oldFigures.Time.SeparatelyWorkingDays, oldCase.Compression.Time.SeparatelyWorkingDays);
            Assert.Equal(oldFigures.Materials, oldCase.Compression.Materials);
            Assert.Equal(CaseStatus.Delivered, oldCase.Status);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static string CatalogFile()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ShenHou.sln"))) dir = dir.Parent;
        return Path.Combine(dir!.FullName, "src", "ShenHou.Domain", "Catalog", "catalog.json");
    }
}
