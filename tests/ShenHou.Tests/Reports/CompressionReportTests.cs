using System.Text.Json;
using Alba;
using ShenHou.Domain.Cases;
using ShenHou.Tests.Support;

namespace ShenHou.Tests.Reports;

/// <summary>压缩比报告: hand-computed figures over delivered cases, totals and groups.</summary>
public sealed class CompressionReportTests(AppFixture app) : ReportTest(app)
{
    [Fact]
    public async Task the_nine_annex_2_items_compress_36_materials_to_6_and_44_days_to_2()
    {
        // Thursday Dec 3 10:00 to Monday Dec 7 12:00: Friday and half of Monday count, so 2 working days.
        var id = await Delivered("620100", Beijing(2026, 12, 3), Beijing(2026, 12, 7, 12), Annex2, whileWorking: async id =>
        {
            await Api.Decide(id, "DEATH_CERT");
            await Api.Issue(id, "DEATH_CERT");
            await Api.Extend(id, "PENSION_ACCOUNT_LUMP_SUM", 5);
        });

        // Separately: 3+3+4+5+5+5+3+4+4 = 36 materials and 1+1+1+15+15+1+2+3+5 = 44 working days.
        // Handed in: 7 distinct materials less the death certificate, produced in the case; the test
        // family has no social security record in the simulated registry, so the card goes to the
        // window after all: 6. Nothing else was vouched for (the two ID cards are needed in original).
        var details = await Api.Get(id);
        Assert.Equal(["APPLICANT_ID", "DECEASED_ID", "HOUSEHOLD_REGISTER", "DECEASED_SS_OR_BANK_CARD", "PENSION_FORMS", "INHERITANCE_DOCUMENT"],
            details.Materials.Where(m => m.HandIn).Select(m => m.Code));
        Assert.NotNull(details.Materials.Single(m => m.Code == "DECEASED_SS_OR_BANK_CARD").ManualVerificationReason);
        Assert.Equal(MaterialSource.ProducedInCase, details.Materials.Single(m => m.Code == "DEATH_CERTIFICATE").Source);
        Assert.Equal(2, details.ActualWorkingDays);

        var report = await Report("?groupBy=region");
        // 1 - 6/36 = 0.8333 -> 0.833; 1 - 2/44 = 0.9545 -> 0.955.
        Figures(report, 1, 1, 36, 6, 0.833, 44, 2, 0.955);
        Assert.Equal((details.Compression.Materials.Reduction, details.Compression.Time.Reduction),
            (report.Materials.Reduction, report.Time.Reduction));
        Assert.Equal((1L, 0L), (report.Extensions, report.CorrectionRounds));
        var lanzhou = Assert.Single(report.Groups);
        Assert.Equal(("620100", "兰州市", 1L), (lanzhou.Key, lanzhou.Name, lanzhou.Extensions));
        Figures(lanzhou, 1, 1, 36, 6, 0.833, 44, 2, 0.955);
    }

    [Fact]
    public async Task a_correction_round_counts_and_its_wait_is_not_on_the_clock()
    {
        // Asked Thursday 11:00, brought Monday 10:00, delivered Monday 16:00. Elapsed from Friday:
        // 1 + 16/24; waiting 1 + 10/24; so 0.25, rounded up to 1 working day (2 without the exclusion).
        var id = await Delivered("620100", Beijing(2026, 12, 3), Beijing(2026, 12, 7, 16), ["DEATH_CERT", "HUKOU_CANCEL"],
            beforeAcceptance: async id =>
            {
                App.Clock.Now = Beijing(2026, 12, 3, 11);
                await RequestCorrection(id, ("DECEASED_ID", "复印件不清晰"), ("HOUSEHOLD_REGISTER", "户口簿缺少已故人页"));
                App.Clock.Now = Beijing(2026, 12, 7, 10);
                await Supplement(id, "DECEASED_ID", "HOUSEHOLD_REGISTER");
            });
        Assert.Equal(1, (await Api.Get(id)).ActualWorkingDays);

        // Materials 3 + 4 = 7 separately; handed in the two ID cards (originals for the hukou) and the
        // household register: 3, so 1 - 3/7 = 0.571. Days 1 + 1 = 2 vs 1: 0.5. Below target on both.
        var report = await Report();
        Figures(report, 1, 0, 7, 3, 0.571, 2, 1, 0.5);
        Assert.Equal((1L, 0L), (report.CorrectionRounds, report.Extensions));
        Assert.Empty(report.Groups);
    }

    /// <summary>
    /// X: Lanzhou, death + cremation certificates, delivered Mon Nov 30 23:30 (+08:00: November).
    /// Y: Jiayuguan, death certificate + hukou + will check, delivered Tue Dec 1 00:30 (+08:00, still
    /// Nov 30 in UTC: December). A: Lanzhou, the nine Annex 2 items, delivered Mon Dec 7 12:00.
    /// </summary>
    private async Task<(Guid X, Guid Y, Guid A)> ThreeCases()
    {
        var x = await Accepted("620100", Beijing(2026, 11, 30), ["DEATH_CERT", "CREMATION_CERT"]);
        await WorkAll(x);
        var y = await Accepted("620200", Beijing(2026, 11, 30, 11), ["DEATH_CERT", "HUKOU_CANCEL", "WILL_NOTARY_CHECK"]);
        await WorkAll(y);
        App.Clock.Now = Beijing(2026, 11, 30, 23, 30);
        await Api.Deliver(x);
        App.Clock.Now = Beijing(2026, 12, 1, 0, 30);
        await Api.Deliver(y);
        var a = await Delivered("620100", Beijing(2026, 12, 3), Beijing(2026, 12, 7, 12), Annex2);
        // Not delivered, so not counted: one still in work, one withdrawn.
        await Accepted("620200", Beijing(2026, 12, 7, 13), ["DRIVING_LICENSE_CANCEL"]);
        App.Clock.Now = Beijing(2026, 12, 7, 14);
        await Api.Withdraw((await Api.Submit(Forms.For("DEATH_CERT"))).Id);
        return (x, y, a);
    }

    [Fact]
    public async Task totals_and_groups_by_region_month_and_item()
    {
        await ThreeCases();
        // X: 6 vs 3 materials, 2 vs 1 days (misses). Y: 3+4+4 = 11 vs 3, 1+1+5 = 7 vs 1 (meets).
        // A: 36 vs 6, 44 vs 2 (meets). Sums 53 vs 12 (1 - 12/53 = 0.774), 53 vs 4 (0.925).
        var byRegion = await Report("?groupBy=region");
        Figures(byRegion, 3, 2, 53, 12, 0.774, 53, 4, 0.925);
        Assert.Equal("region", byRegion.GroupBy);
        Assert.Equal(["620100", "620200"], byRegion.Groups.Select(g => g.Key));
        Assert.Equal(["兰州市", "嘉峪关市"], byRegion.Groups.Select(g => g.Name));
        Figures(Group(byRegion, "620100"), 2, 1, 42, 9, 0.786, 46, 3, 0.935);   // X + A
        Figures(Group(byRegion, "620200"), 1, 1, 11, 3, 0.727, 7, 1, 0.857);    // Y

        var byMonth = await Report("?groupBy=month");
        Figures(byMonth, 3, 2, 53, 12, 0.774, 53, 4, 0.925);
        Assert.Equal(["2026-11", "2026-12"], byMonth.Groups.Select(g => g.Key));
        Assert.Equal("2026-12", Group(byMonth, "2026-12").Name);
        Figures(Group(byMonth, "2026-11"), 1, 0, 6, 3, 0.5, 2, 1, 0.5);          // X
        Figures(Group(byMonth, "2026-12"), 2, 2, 47, 9, 0.809, 51, 3, 0.941);    // Y + A

        // By item a case counts in every item group it contains, with its whole figures.
        var byItem = await Report("?groupBy=item");
        Figures(byItem, 3, 2, 53, 12, 0.774, 53, 4, 0.925);
        Assert.Equal(Annex2, byItem.Groups.Select(g => g.Key)); // catalog order
        Assert.Equal("出具死亡证明", Group(byItem, "DEATH_CERT").Name);
        Figures(Group(byItem, "DEATH_CERT"), 3, 2, 53, 12, 0.774, 53, 4, 0.925);   // X, Y, A
        Figures(Group(byItem, "CREMATION_CERT"), 2, 1, 42, 9, 0.786, 46, 3, 0.935); // X, A
        Figures(Group(byItem, "HUKOU_CANCEL"), 2, 2, 47, 9, 0.809, 51, 3, 0.941);   // Y, A
        Figures(Group(byItem, "WILL_NOTARY_CHECK"), 2, 2, 47, 9, 0.809, 51, 3, 0.941);
        Figures(Group(byItem, "PENSION_ACCOUNT_LUMP_SUM"), 1, 1, 36, 6, 0.833, 44, 2, 0.955); // A
    }

    [Fact]
    public async Task filters_on_the_delivery_day_in_china_time_and_the_region()
    {
        await ThreeCases();
        var november = await Report("?to=2026-11-30&groupBy=month");
        Figures(november, 1, 0, 6, 3, 0.5, 2, 1, 0.5);
        Assert.Equal(["2026-11"], november.Groups.Select(g => g.Key));
        Assert.Equal((null, new DateOnly(2026, 11, 30)), (november.From, november.To));

        var december = await Report("?from=2026-12-01&to=2026-12-31");
        Figures(december, 2, 2, 47, 9, 0.809, 51, 3, 0.941);
        Figures(await Report("?from=2026-12-01&to=2026-12-01"), 1, 1, 11, 3, 0.727, 7, 1, 0.857); // Y only
        Figures(await Report("?from=2026-12-02&to=2026-12-06"), 0, 0, 0, 0, 0, 0, 0, 0);

        var jiayuguan = await Report("?regionCode=620200&groupBy=item");
        Figures(jiayuguan, 1, 1, 11, 3, 0.727, 7, 1, 0.857);
        Assert.Equal(["DEATH_CERT", "HUKOU_CANCEL", "WILL_NOTARY_CHECK"], jiayuguan.Groups.Select(g => g.Key));
        Assert.Equal("620200", jiayuguan.RegionCode);
    }

    [Fact]
    public async Task the_json_follows_the_contract()
    {
        await ThreeCases();
        await Projected();
        var result = await Host.Scenario(s =>
        {
            s.As(Staff.Supervisor());
            s.Get.Url("/api/reports/compression?groupBy=month");
            s.WithRequestHeader("Accept", "application/json");
            s.StatusCodeShouldBe(200);
            s.ContentTypeShouldBe("application/json; charset=utf-8");
        });
        using var json = JsonDocument.Parse(result.ReadAsText());
        var root = json.RootElement;
        Assert.Equal(3, root.GetProperty("cases").GetInt32());
        Assert.Equal(0.6, root.GetProperty("target").GetDouble());
        Assert.Equal(2, root.GetProperty("casesMeetingTarget").GetInt32());
        Assert.Equal(12, root.GetProperty("materials").GetProperty("handedIn").GetInt32());
        Assert.Equal(0.774, root.GetProperty("materials").GetProperty("reduction").GetDouble());
        Assert.Equal(53, root.GetProperty("time").GetProperty("separatelyWorkingDays").GetInt32());
        Assert.Equal(4, root.GetProperty("time").GetProperty("actualWorkingDays").GetInt32());
        var group = root.GetProperty("groups")[0];
        Assert.Equal("2026-11", group.GetProperty("key").GetString());
        Assert.Equal(0.5, group.GetProperty("time").GetProperty("reduction").GetDouble());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("from").ValueKind);
    }
}
