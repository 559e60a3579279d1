using ShenHou.Domain.Compression;
using ShenHou.Tests.Support;

namespace ShenHou.Tests.Reports;

/// <summary>未达标办件: delivered cases below the target, worst first.</summary>
public sealed class CompressionMissesTests(AppFixture app) : ReportTest(app)
{
    [Fact]
    public async Task misses_are_listed_worst_first_with_their_reasons()
    {
        // Late: the nine Annex 2 items, worked on Dec 3 but collected only on Tuesday Dec 29 at noon.
        var late = await Accepted("620100", Beijing(2026, 12, 3, 9), Annex2);
        await WorkAll(late);
        // A correction round, as in the report tests: 7 vs 3 materials (0.571), 2 vs 1 days (0.5).
        var corrected = await Delivered("620100", Beijing(2026, 12, 3), Beijing(2026, 12, 7, 16), ["DEATH_CERT", "HUKOU_CANCEL"],
            beforeAcceptance: async id =>
            {
                App.Clock.Now = Beijing(2026, 12, 3, 11);
                await RequestCorrection(id, ("DECEASED_ID", "复印件不清晰"));
                App.Clock.Now = Beijing(2026, 12, 7, 10);
                await Supplement(id, "DECEASED_ID");
            });
        // One item: 2 vs 2 materials, 1 vs 1 day: nothing saved.
        var single = await Delivered("620100", Beijing(2026, 12, 8), Beijing(2026, 12, 9), ["DRIVING_LICENSE_CANCEL"]);
        // 2 + 4 = 6 materials, 5 handed in (the death certificate is not produced here and the test
        // family is unknown to the death registry): 0.167; 1 + 15 = 16 days vs 1: 0.938. Materials only.
        var materialsOnly = await Delivered("620200", Beijing(2026, 12, 9, 11), Beijing(2026, 12, 9, 15),
            ["DRIVING_LICENSE_CANCEL", "INHERITANCE_NOTARIZATION"]);
        Assert.Equal(5, (await Api.Get(materialsOnly)).Materials.Count(m => m.HandIn));
        // Meets the target (11 vs 3, 7 vs 1): never listed.
        await Delivered("620200", Beijing(2026, 12, 9, 16), Beijing(2026, 12, 10), ["DEATH_CERT", "HUKOU_CANCEL", "WILL_NOTARY_CHECK"]);
        // Dec 4 to Dec 29 noon: 17.5 working days, so 18; 1 - 18/44 = 0.591. Time only.
        App.Clock.Now = Beijing(2026, 12, 29, 12);
        await Api.Deliver(late);

        var all = await Misses();
        Assert.Equal((4L, 1, 20), (all.Total, all.Page, all.PageSize));
        Assert.Equal([single, materialsOnly, corrected, late], all.Items.Select(m => m.Id));
        Assert.Equal(["materials+time", "materials", "materials+time", "time"], all.Items.Select(m => string.Join('+', m.Reasons)));
        Assert.All(all.Items, m => Assert.False(m.MeetsTarget));

        var first = all.Items[0];
        Assert.Equal(((await Api.Get(single)).CaseNumber, "620100"), (first.CaseNumber, first.RegionCode));
        Assert.Equal(Beijing(2026, 12, 9), first.DeliveredAt);
        Assert.Equal(TimeSpan.FromHours(8), first.DeliveredAt.Offset);
        Assert.Equal(new MaterialFigures(2, 2, 0), first.Materials);
        Assert.Equal(new TimeFigures(1, 1, 1, 0), first.Time);
        Assert.Equal(new MaterialFigures(6, 5, 0.167), all.Items[1].Materials);
        Assert.Equal(new TimeFigures(16, 15, 1, 0.938), all.Items[1].Time);
        Assert.Equal(new MaterialFigures(7, 3, 0.571), all.Items[2].Materials);
        Assert.Equal(new TimeFigures(2, 2, 1, 0.5), all.Items[2].Time);
        Assert.Equal(new MaterialFigures(36, 6, 0.833), all.Items[3].Materials);
        Assert.Equal(new TimeFigures(44, 16, 18, 0.591), all.Items[3].Time);

        var page = await Misses("?page=2&pageSize=2");
        Assert.Equal((4L, 2, 2), (page.Total, page.Page, page.PageSize));
        Assert.Equal([corrected, late], page.Items.Select(m => m.Id));
        Assert.Empty((await Misses("?page=3&pageSize=2")).Items);

        Assert.Equal([materialsOnly], (await Misses("?regionCode=620200")).Items.Select(m => m.Id));
        Assert.Equal([single, materialsOnly, corrected], (await Misses("?to=2026-12-10")).Items.Select(m => m.Id));
        Assert.Equal([late], (await Misses("?from=2026-12-11")).Items.Select(m => m.Id));

        // The report agrees: five delivered, one meeting the target.
        var report = await Report();
        Assert.Equal((5L, 1L, 1L), (report.Cases, report.CasesMeetingTarget, report.CorrectionRounds));
    }
}
