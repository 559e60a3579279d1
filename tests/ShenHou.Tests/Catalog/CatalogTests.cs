using ShenHou.Domain.Catalog;

namespace ShenHou.Tests.Catalog;

public class CatalogTests
{
    private static readonly ServiceCatalog Catalog = ServiceCatalog.LoadEmbedded();

    // The item codes fixed by the API contract (shared/api/v1.md), in the domain README's order.
    private static readonly string[] ContractItemCodes =
    [
        "DEATH_CERT", "CREMATION_CERT", "HUKOU_CANCEL", "PENSION_ACCOUNT_LUMP_SUM",
        "PENSION_SURVIVOR_BENEFIT", "RESIDENT_PENSION_CANCEL", "MEDICAL_ACCOUNT_WITHDRAWAL",
        "HOUSING_FUND_WITHDRAWAL", "WILL_NOTARY_CHECK", "DRIVING_LICENSE_CANCEL", "EQUITY_HEIR_QUERY",
        "SOCIAL_SECURITY_CARD_INFO", "INHERITANCE_NOTARIZATION", "SMALL_DEPOSIT_WITHDRAWAL",
    ];

    private static readonly string[] Annex2MaterialCodes =
    [
        "APPLICANT_ID", "DECEASED_ID", "HOUSEHOLD_REGISTER", "DEATH_CERTIFICATE",
        "DECEASED_SS_OR_BANK_CARD", "PENSION_FORMS", "INHERITANCE_DOCUMENT",
    ];

    // Annex 2 (资料清单) read row by row: material -> the items it serves.
    private static readonly Dictionary<string, string[]> Annex2 = new()
    {
        ["APPLICANT_ID"] =
        [
            "DEATH_CERT", "CREMATION_CERT", "HUKOU_CANCEL", "PENSION_ACCOUNT_LUMP_SUM", "PENSION_SURVIVOR_BENEFIT",
            "RESIDENT_PENSION_CANCEL", "MEDICAL_ACCOUNT_WITHDRAWAL", "HOUSING_FUND_WITHDRAWAL", "WILL_NOTARY_CHECK",
        ],
        ["DECEASED_ID"] =
        [
            "DEATH_CERT", "CREMATION_CERT", "HUKOU_CANCEL", "PENSION_ACCOUNT_LUMP_SUM", "PENSION_SURVIVOR_BENEFIT",
            "RESIDENT_PENSION_CANCEL", "HOUSING_FUND_WITHDRAWAL", "WILL_NOTARY_CHECK",
        ],
        ["HOUSEHOLD_REGISTER"] = ["DEATH_CERT", "WILL_NOTARY_CHECK", "HUKOU_CANCEL"],
        ["DEATH_CERTIFICATE"] =
        [
            "CREMATION_CERT", "HUKOU_CANCEL", "PENSION_ACCOUNT_LUMP_SUM", "PENSION_SURVIVOR_BENEFIT",
            "RESIDENT_PENSION_CANCEL", "MEDICAL_ACCOUNT_WITHDRAWAL", "HOUSING_FUND_WITHDRAWAL", "WILL_NOTARY_CHECK",
        ],
        ["DECEASED_SS_OR_BANK_CARD"] =
        [
            "PENSION_ACCOUNT_LUMP_SUM", "PENSION_SURVIVOR_BENEFIT", "RESIDENT_PENSION_CANCEL", "MEDICAL_ACCOUNT_WITHDRAWAL",
        ],
        ["PENSION_FORMS"] = ["PENSION_ACCOUNT_LUMP_SUM", "PENSION_SURVIVOR_BENEFIT", "RESIDENT_PENSION_CANCEL"],
        ["INHERITANCE_DOCUMENT"] = ["HOUSING_FUND_WITHDRAWAL"],
    };

    private static IEnumerable<Item> Annex2Items => Catalog.Items.Where(i => i.Annex2);

    [Fact]
    public void Has_the_fourteen_items_of_the_api_contract_in_order()
    {
        Assert.Equal(ContractItemCodes, Catalog.Items.Select(i => i.Code));
        Assert.Equal("2026.2", Catalog.Version);
    }

    [Fact]
    public void The_nine_annex2_items_are_the_first_nine()
    {
        Assert.Equal(ContractItemCodes[..9], Annex2Items.Select(i => i.Code));
    }

    [Fact]
    public void Every_annex2_item_requires_exactly_what_annex2_lists()
    {
        foreach (var item in Annex2Items)
        {
            var expected = Annex2.Where(row => row.Value.Contains(item.Code)).Select(row => row.Key).Order();
            Assert.Equal(expected, item.Requires.Order());
        }
    }

    [Fact]
    public void Annex2_counts_36_separately_and_7_distinct()
    {
        Assert.Equal(36, Annex2Items.Sum(i => i.Requires.Count));
        Assert.Equal(Annex2MaterialCodes.Order(), Annex2Items.SelectMany(i => i.Requires).Distinct().Order());
    }

    [Fact]
    public void Only_the_household_register_is_offline_only()
    {
        Assert.Equal(["HOUSEHOLD_REGISTER"], Catalog.Materials.Where(m => m.OfflineOnly).Select(m => m.Code));
    }

    [Fact]
    public void Originals_are_required_for_cremation_and_hukou_cancel()
    {
        foreach (var code in new[] { "APPLICANT_ID", "DECEASED_ID", "DEATH_CERTIFICATE" })
            Assert.Equal(["CREMATION_CERT", "HUKOU_CANCEL"], Catalog.Material(code).OriginalRequiredFor.Order());
        foreach (var material in Catalog.Materials.Where(m => m.Code is not ("APPLICANT_ID" or "DECEASED_ID" or "DEATH_CERTIFICATE")))
            Assert.Empty(material.OriginalRequiredFor);
    }

    [Fact]
    public void Hukou_cancel_waits_for_the_death_certificate()
    {
        Assert.Equal(["DEATH_CERT"], Catalog.WaitingFor("HUKOU_CANCEL", ["DEATH_CERT", "HUKOU_CANCEL"]));
        Assert.Empty(Catalog.WaitingFor("DEATH_CERT", ["DEATH_CERT", "HUKOU_CANCEL"]));
        Assert.Empty(Catalog.WaitingFor("HUKOU_CANCEL", ["HUKOU_CANCEL"]));
    }

    [Fact]
    public void Housing_fund_withdrawal_waits_for_inheritance_notarization_when_both_are_chosen()
    {
        Assert.Equal(
            ["INHERITANCE_NOTARIZATION"],
            Catalog.WaitingFor("HOUSING_FUND_WITHDRAWAL", ["HOUSING_FUND_WITHDRAWAL", "INHERITANCE_NOTARIZATION"]));
        Assert.Equal(
            ["DEATH_CERT", "INHERITANCE_NOTARIZATION"],
            Catalog.WaitingFor("HOUSING_FUND_WITHDRAWAL", ["DEATH_CERT", "HOUSING_FUND_WITHDRAWAL", "INHERITANCE_NOTARIZATION"]).Order());
        Assert.Empty(Catalog.WaitingFor("HOUSING_FUND_WITHDRAWAL", ["HOUSING_FUND_WITHDRAWAL"]));
    }

    [Fact]
    public void Inheritance_notarization_waits_for_the_death_certificate()
    {
        Assert.Equal(["DEATH_CERT"], Catalog.WaitingFor("INHERITANCE_NOTARIZATION", ContractItemCodes));
    }

    [Fact]
    public void Produced_materials_are_the_death_certificate_and_the_inheritance_document()
    {
        Assert.Equal(["DEATH_CERTIFICATE"], Catalog.Item("DEATH_CERT").Produces);
        Assert.Equal(["INHERITANCE_DOCUMENT"], Catalog.Item("INHERITANCE_NOTARIZATION").Produces);
        Assert.Equal(
            ["DEATH_CERTIFICATE", "INHERITANCE_DOCUMENT"],
            Catalog.ProducedWithin(ContractItemCodes).Order());
    }

    [Fact]
    public void Has_sixteen_regions_two_of_them_assumed()
    {
        Assert.Equal(16, Catalog.Data.Regions.Count);
        Assert.All(Catalog.Data.Regions, r => Assert.Matches("^[0-9]{6}$", r.Code));
        Assert.Equal(["620171", "629900"], Catalog.Data.Regions.Where(r => r.Assumption).Select(r => r.Code).Order());
        Assert.True(Catalog.HasRegion("620100"));
        Assert.True(Catalog.HasRegion("623000"));
    }

    [Fact]
    public void Has_the_ten_departments()
    {
        Assert.Equal(10, Catalog.Data.Departments.Count);
        Assert.Equal("省公安厅", Catalog.Department("PUBLIC_SECURITY").Name);
    }

    [Fact]
    public void Every_non_annex2_item_is_an_assumption_with_a_note()
    {
        var others = Catalog.Items.Where(i => !i.Annex2).ToArray();
        Assert.Equal(5, others.Length);
        Assert.All(others, i =>
        {
            Assert.True(i.Assumption, i.Code);
            Assert.False(string.IsNullOrWhiteSpace(i.AssumptionNote), i.Code);
        });
    }

    [Fact]
    public void Every_time_limit_is_at_least_one_working_day_and_every_assumption_has_a_note()
    {
        Assert.All(Catalog.Items, i =>
        {
            Assert.True(i.TimeLimitWorkingDays >= 1, i.Code);
            if (i.Assumption) Assert.False(string.IsNullOrWhiteSpace(i.AssumptionNote), i.Code);
        });
    }

    [Fact]
    public void Materials_outside_annex2_are_marked_as_assumptions()
    {
        Assert.All(
            Catalog.Materials.Where(m => !Annex2MaterialCodes.Contains(m.Code)),
            m => Assert.True(m.Assumption, m.Code));
        Assert.All(
            Catalog.Materials.Where(m => Annex2MaterialCodes.Contains(m.Code)),
            m => Assert.False(m.Assumption, m.Code));
    }

    [Fact]
    public void A_catalog_with_a_cycle_is_refused()
    {
        var data = TinyCatalog(
            new Item("A", "甲", "a", "JUSTICE", 1, ["Y"], ["X"], Annex2: false, Assumption: true),
            new Item("B", "乙", "b", "JUSTICE", 1, ["X"], ["Y"], Annex2: false, Assumption: true));

        var error = Assert.Throws<InvalidOperationException>(() => new ServiceCatalog(data));
        Assert.Contains("cycle", error.Message);
    }

    [Fact]
    public void A_catalog_with_a_dangling_material_code_is_refused()
    {
        var data = TinyCatalog(
            new Item("A", "甲", "a", "JUSTICE", 1, ["NO_SUCH_MATERIAL"], [], Annex2: false, Assumption: true));

        var error = Assert.Throws<InvalidOperationException>(() => new ServiceCatalog(data));
        Assert.Contains("NO_SUCH_MATERIAL", error.Message);
    }

    [Fact]
    public void A_consistent_tiny_catalog_is_accepted()
    {
        var data = TinyCatalog(
            new Item("A", "甲", "a", "JUSTICE", 1, [], ["X"], Annex2: false, Assumption: true),
            new Item("B", "乙", "b", "JUSTICE", 1, ["X"], ["Y"], Annex2: false, Assumption: true));

        var catalog = new ServiceCatalog(data);
        Assert.Equal(["A"], catalog.WaitingFor("B", ["A", "B"]));
    }

    private static CatalogData TinyCatalog(params Item[] items) => new(
        "test",
        items,
        [new Material("X", "X", "x", false, []), new Material("Y", "Y", "y", false, [])],
        [new Department("JUSTICE", "省司法厅", "Justice")],
        [new Region("620100", "兰州市")]);
}
