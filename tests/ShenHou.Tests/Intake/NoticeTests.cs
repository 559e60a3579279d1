using ShenHou.Domain.Cases;
using ShenHou.Domain.Catalog;
using ShenHou.Domain.Intake;

namespace ShenHou.Tests.Intake;

/// <summary>一次告知 from the catalog alone: no database.</summary>
public sealed class NoticeTests
{
    private static readonly ServiceCatalog Catalog = ServiceCatalog.LoadEmbedded();

    private static readonly string[] Annex2 =
    [
        "DEATH_CERT", "CREMATION_CERT", "HUKOU_CANCEL", "PENSION_ACCOUNT_LUMP_SUM", "PENSION_SURVIVOR_BENEFIT",
        "RESIDENT_PENSION_CANCEL", "MEDICAL_ACCOUNT_WITHDRAWAL", "HOUSING_FUND_WITHDRAWAL", "WILL_NOTARY_CHECK",
    ];

    private static NoticeMaterial Material(Notice n, string code) => n.Materials.Single(m => m.Code == code);

    [Fact]
    public void the_nine_annex_2_items()
    {
        var notice = Notice.For(Catalog, Annex2, Channel.Window);

        Assert.Equal(36, notice.Compression.Materials.Separately);
        Assert.Equal(
            ["APPLICANT_ID", "DECEASED_ID", "HOUSEHOLD_REGISTER", "DEATH_CERTIFICATE", "DECEASED_SS_OR_BANK_CARD", "PENSION_FORMS", "INHERITANCE_DOCUMENT"],
            notice.Materials.Select(m => m.Code));

        var deathCertificate = Material(notice, "DEATH_CERTIFICATE");
        Assert.False(deathCertificate.HandIn);
        Assert.Equal(MaterialSource.ProducedInCase, deathCertificate.Source);
        Assert.Equal(["CREMATION_CERT", "HUKOU_CANCEL", "PENSION_ACCOUNT_LUMP_SUM", "PENSION_SURVIVOR_BENEFIT",
            "RESIDENT_PENSION_CANCEL", "MEDICAL_ACCOUNT_WITHDRAWAL", "HOUSING_FUND_WITHDRAWAL", "WILL_NOTARY_CHECK"], deathCertificate.RequiredBy);

        Assert.True(Material(notice, "HOUSEHOLD_REGISTER").OfflineOnly);
        Assert.Equal(["DEATH_CERT", "HUKOU_CANCEL", "WILL_NOTARY_CHECK"], Material(notice, "HOUSEHOLD_REGISTER").RequiredBy);
        foreach (var code in new[] { "APPLICANT_ID", "DECEASED_ID", "DEATH_CERTIFICATE" })
            Assert.Equal(["CREMATION_CERT", "HUKOU_CANCEL"], Material(notice, code).OriginalRequiredFor);
        // Originals are needed, so the ID cards are brought even though a registry could vouch for them.
        Assert.Equal(MaterialSource.Applicant, Material(notice, "APPLICANT_ID").Source);
        var card = Material(notice, "DECEASED_SS_OR_BANK_CARD");
        Assert.Equal((false, MaterialSource.SharedData, "SocialSecurity"), (card.HandIn, card.Source, card.Registry));

        Assert.Equal(["APPLICANT_ID", "DECEASED_ID", "HOUSEHOLD_REGISTER", "PENSION_FORMS", "INHERITANCE_DOCUMENT"],
            notice.Materials.Where(m => m.HandIn).Select(m => m.Code));
        Assert.Equal(5, notice.Compression.Materials.HandedIn);
        Assert.Equal(0.861, notice.Compression.Materials.Reduction);

        Assert.All(notice.Items.Where(i => i.Code != "DEATH_CERT"), i => Assert.Equal(["DEATH_CERT"], i.WaitingFor));
        Assert.Empty(notice.Items.Single(i => i.Code == "DEATH_CERT").WaitingFor);
        var separately = Annex2.Sum(c => Catalog.Item(c).TimeLimitWorkingDays);
        var longest = Catalog.Item("DEATH_CERT").TimeLimitWorkingDays + Annex2.Skip(1).Max(c => Catalog.Item(c).TimeLimitWorkingDays);
        Assert.Equal(separately, notice.Compression.Time.SeparatelyWorkingDays);
        Assert.Equal(longest, notice.Compression.Time.PlannedWorkingDays);
        Assert.Null(notice.Compression.Time.ActualWorkingDays);
        Assert.Equal(Math.Round(1 - (double)longest / separately, 3), notice.Compression.Time.Reduction);
        Assert.Equal((9, 1), (notice.Compression.Visits.Separately, notice.Compression.Visits.Actual));
        Assert.Equal(notice.Compression.Time.Reduction >= 0.6, notice.Compression.MeetsTarget);
        Assert.Equal("省卫生健康委", notice.Items[0].DepartmentName);
        Assert.Equal(Catalog.Version, notice.CatalogVersion);
    }

    [Fact]
    public void cancelling_the_household_alone_needs_every_original_brought()
    {
        var notice = Notice.For(Catalog, ["HUKOU_CANCEL"], Channel.Window);
        Assert.Equal(["APPLICANT_ID", "DECEASED_ID", "HOUSEHOLD_REGISTER", "DEATH_CERTIFICATE"], notice.Materials.Select(m => m.Code));
        Assert.All(notice.Materials, m => Assert.Equal((true, MaterialSource.Applicant), (m.HandIn, m.Source)));
        Assert.Equal((4, 4, 0.0), (notice.Compression.Materials.Separately, notice.Compression.Materials.HandedIn, notice.Compression.Materials.Reduction));
        Assert.False(notice.Compression.MeetsTarget);
    }

    [Fact]
    public void a_survivor_benefit_alone_is_mostly_verified_through_data_sharing()
    {
        var notice = Notice.For(Catalog, ["PENSION_SURVIVOR_BENEFIT"], Channel.Online);
        Assert.Equal(
            [("APPLICANT_ID", "PopulationRegistry"), ("DECEASED_ID", "PopulationRegistry"), ("DEATH_CERTIFICATE", "DeathRegistry"), ("DECEASED_SS_OR_BANK_CARD", "SocialSecurity")],
            notice.Materials.Where(m => m.Source == MaterialSource.SharedData).Select(m => (m.Code, m.Registry!)));
        Assert.Equal(["PENSION_FORMS"], notice.Materials.Where(m => m.HandIn).Select(m => m.Code));
        Assert.Equal((5, 1), (notice.Compression.Materials.Separately, notice.Compression.Materials.HandedIn));
        Assert.Equal(0, notice.Compression.Visits.Actual); // online, nothing offline-only
    }

    [Fact]
    public void the_inheritance_document_is_produced_in_the_case_and_the_housing_fund_waits_for_it()
    {
        var notice = Notice.For(Catalog, ["HOUSING_FUND_WITHDRAWAL", "INHERITANCE_NOTARIZATION", "DEATH_CERT"], Channel.Online);
        Assert.Equal(MaterialSource.ProducedInCase, Material(notice, "INHERITANCE_DOCUMENT").Source);
        Assert.Equal(["INHERITANCE_NOTARIZATION", "DEATH_CERT"], notice.Items.Single(i => i.Code == "HOUSING_FUND_WITHDRAWAL").WaitingFor);
        Assert.Equal(["DEATH_CERT"], notice.Items.Single(i => i.Code == "INHERITANCE_NOTARIZATION").WaitingFor);
        var chain = new[] { "DEATH_CERT", "INHERITANCE_NOTARIZATION", "HOUSING_FUND_WITHDRAWAL" }.Sum(c => Catalog.Item(c).TimeLimitWorkingDays);
        Assert.Equal(chain, notice.Compression.Time.PlannedWorkingDays);
        Assert.Equal(chain, notice.Compression.Time.SeparatelyWorkingDays); // a pure chain gains no time
        Assert.Equal(1, notice.Compression.Visits.Actual); // the household register is handed in at a window
    }

    [Fact]
    public void the_guide_is_the_notice_for_one_item_in_words()
    {
        var guide = ItemGuide.For(Catalog, "HUKOU_CANCEL");
        var notice = Notice.For(Catalog, ["HUKOU_CANCEL"], Channel.Window);
        Assert.Equal(notice.Materials.Select(m => (m.Code, m.HandIn, m.Source)), guide.Materials.Select(m => (m.Code, m.HandIn, m.Source)));
        Assert.Equal(["DEATH_CERT"], guide.WaitsForWhenCombinedWith);
        Assert.Contains("省公安厅", guide.Text);
        Assert.Contains("居民户口簿（须窗口现场提交）", guide.Text);
        Assert.Contains("死亡证明（原件）", guide.Text);
        Assert.Contains("出具死亡证明", guide.Text);
        Assert.Contains($"within {Catalog.Item("HUKOU_CANCEL").TimeLimitWorkingDays} working day", guide.TextEn);
    }
}
