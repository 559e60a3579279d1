using ShenHou.Domain.Cases;
using static ShenHou.Tests.Domain.Given;

namespace ShenHou.Tests.Domain;

/// <summary>Submit: the plan of a case (items, their waiting order, the deduplicated materials) comes from the catalog.</summary>
public sealed class SubmitTests
{
    private static PlannedMaterial Material(CaseSubmitted s, string code) => Assert.Single(s.Materials, m => m.Code == code);
    private static PlannedItem Item(CaseSubmitted s, string code) => Assert.Single(s.Items, i => i.Code == code);

    [Fact]
    public void Plans_every_chosen_item_from_the_catalog_in_the_order_chosen()
    {
        string[] chosen = ["HUKOU_CANCEL", "DRIVING_LICENSE_CANCEL", "DEATH_CERT", "INHERITANCE_NOTARIZATION"];

        var submitted = Submitted(chosen);

        Assert.Equal(chosen, submitted.Items.Select(i => i.Code));
        foreach (var planned in submitted.Items)
        {
            var item = EmbeddedCatalog.Item(planned.Code);
            Assert.Equal(item.Department, planned.Department);
            Assert.Equal(item.TimeLimitWorkingDays, planned.TimeLimitWorkingDays);
            Assert.Equal(item.Requires, planned.Requires);
        }
    }

    [Fact]
    public void Plans_the_distinct_materials_in_catalog_order_with_the_chosen_items_needing_each()
    {
        var submitted = Submitted("HUKOU_CANCEL", "DEATH_CERT");

        Assert.Equal(["APPLICANT_ID", "DECEASED_ID", "HOUSEHOLD_REGISTER", "DEATH_CERTIFICATE"],
            submitted.Materials.Select(m => m.Code));
        Assert.Equal(["HUKOU_CANCEL", "DEATH_CERT"], Material(submitted, "APPLICANT_ID").RequiredBy);
        Assert.Equal(["HUKOU_CANCEL"], Material(submitted, "DEATH_CERTIFICATE").RequiredBy);
    }

    [Fact]
    public void The_death_certificate_is_produced_in_the_case_when_DEATH_CERT_is_chosen()
    {
        var submitted = Submitted("DEATH_CERT", "CREMATION_CERT", "HUKOU_CANCEL");

        var certificate = Material(submitted, "DEATH_CERTIFICATE");
        Assert.False(certificate.HandIn);
        Assert.Equal(MaterialSource.ProducedInCase, certificate.Source);
        Assert.All(submitted.Materials.Where(m => m.Code != "DEATH_CERTIFICATE"), m =>
        {
            Assert.True(m.HandIn);
            Assert.Equal(MaterialSource.Applicant, m.Source);
        });
        Assert.Equal(MaterialStatus.NotRequired, Fold([submitted]).Materials["DEATH_CERTIFICATE"].Status);
    }

    [Fact]
    public void The_death_certificate_is_handed_in_by_the_applicant_when_DEATH_CERT_is_not_chosen()
    {
        var submitted = Submitted("CREMATION_CERT", "HUKOU_CANCEL");

        var certificate = Material(submitted, "DEATH_CERTIFICATE");
        Assert.True(certificate.HandIn);
        Assert.Equal(MaterialSource.Applicant, certificate.Source);
        Assert.Equal(MaterialStatus.Required, Fold([submitted]).Materials["DEATH_CERTIFICATE"].Status);
    }

    [Fact]
    public void HUKOU_CANCEL_waits_for_DEATH_CERT_only_when_both_are_chosen()
    {
        var both = Submitted("HUKOU_CANCEL", "DEATH_CERT");
        Assert.Equal(["DEATH_CERT"], Item(both, "HUKOU_CANCEL").WaitingFor);
        Assert.Empty(Item(both, "DEATH_CERT").WaitingFor);

        var alone = Submitted("HUKOU_CANCEL", "CREMATION_CERT");
        Assert.All(alone.Items, i => Assert.Empty(i.WaitingFor));
    }

    [Fact]
    public void The_inheritance_document_is_produced_in_the_case_by_the_notarisation()
    {
        var submitted = Submitted("DEATH_CERT", "INHERITANCE_NOTARIZATION", "HOUSING_FUND_WITHDRAWAL");

        Assert.Equal(MaterialSource.ProducedInCase, Material(submitted, "INHERITANCE_DOCUMENT").Source);
        Assert.False(Material(submitted, "INHERITANCE_DOCUMENT").HandIn);
        Assert.Equal(["DEATH_CERT"], Item(submitted, "INHERITANCE_NOTARIZATION").WaitingFor);
        Assert.Equal(["DEATH_CERT", "INHERITANCE_NOTARIZATION"], Item(submitted, "HOUSING_FUND_WITHDRAWAL").WaitingFor);
    }

    [Fact]
    public void A_single_item_hands_in_what_it_requires_except_what_a_registry_can_vouch_for()
    {
        foreach (var item in EmbeddedCatalog.Items)
        {
            var submitted = Submitted(item.Code);
            Assert.Equal(item.Requires.Order(), submitted.Materials.Select(m => m.Code).Order());
            Assert.Empty(Assert.Single(submitted.Items).WaitingFor);
            Assert.All(submitted.Materials, m =>
            {
                var material = EmbeddedCatalog.Material(m.Code);
                var shared = material.Sharing is not null && !material.OriginalRequiredFor.Contains(item.Code);
                Assert.Equal(shared ? MaterialSource.SharedData : MaterialSource.Applicant, m.Source);
                Assert.Equal(!shared, m.HandIn);
                Assert.Equal(shared ? material.Sharing!.Registry : null, m.Registry);
            });
        }
    }

    [Fact]
    public void The_death_certificate_is_vouched_for_by_a_registry_when_no_chosen_item_needs_the_original()
    {
        var submitted = Submitted("PENSION_ACCOUNT_LUMP_SUM", "MEDICAL_ACCOUNT_WITHDRAWAL");

        var certificate = Material(submitted, "DEATH_CERTIFICATE");
        Assert.Equal(MaterialSource.SharedData, certificate.Source);
        Assert.False(certificate.HandIn);
        Assert.Equal("DeathRegistry", certificate.Registry);
        Assert.Equal(EmbeddedCatalog.Material("DEATH_CERTIFICATE").Sharing!.Registry, certificate.Registry);
        var state = Fold([submitted]).Materials["DEATH_CERTIFICATE"];
        Assert.False(state.HandIn);
        Assert.Equal(MaterialStatus.Required, state.Status); // until the registry answers

        var withOriginal = Material(Submitted("PENSION_ACCOUNT_LUMP_SUM", "HUKOU_CANCEL"), "DEATH_CERTIFICATE");
        Assert.Equal(MaterialSource.Applicant, withOriginal.Source);
        Assert.True(withOriginal.HandIn);
        Assert.Null(withOriginal.Registry);
    }

    [Fact]
    public void Records_the_catalog_version_the_case_was_planned_with()
    {
        var submitted = Submitted("DEATH_CERT");

        Assert.Equal(EmbeddedCatalog.Version, submitted.CatalogVersion);
        Assert.False(string.IsNullOrWhiteSpace(submitted.CatalogVersion));
    }

    [Fact]
    public void Copies_which_chosen_items_need_the_original_and_which_materials_are_offline_only()
    {
        var submitted = Submitted("DEATH_CERT", "CREMATION_CERT", "PENSION_ACCOUNT_LUMP_SUM");

        // The catalog asks for originals for CREMATION_CERT and HUKOU_CANCEL; only the chosen one is kept.
        Assert.Equal(["CREMATION_CERT"], Material(submitted, "APPLICANT_ID").OriginalRequiredFor);
        Assert.Equal(["CREMATION_CERT"], Material(submitted, "DECEASED_ID").OriginalRequiredFor);
        Assert.Empty(Material(submitted, "PENSION_FORMS").OriginalRequiredFor);
        Assert.True(Material(submitted, "HOUSEHOLD_REGISTER").OfflineOnly);
        Assert.All(submitted.Materials.Where(m => m.Code != "HOUSEHOLD_REGISTER"), m => Assert.False(m.OfflineOnly));

        var both = Submitted("HUKOU_CANCEL", "CREMATION_CERT");
        Assert.Equal(["CREMATION_CERT", "HUKOU_CANCEL"], Material(both, "DEATH_CERTIFICATE").OriginalRequiredFor.Order());
        foreach (var planned in both.Materials)
            Assert.Equal(EmbeddedCatalog.Material(planned.Code).OfflineOnly, planned.OfflineOnly);
    }

    [Fact]
    public void Carries_the_case_the_form_and_the_stamp()
    {
        var submitted = Submitted("DEATH_CERT");

        Assert.Equal(CaseId, submitted.CaseId);
        Assert.Equal("GS620100202612010001", submitted.CaseNumber);
        Assert.Equal("620100", submitted.RegionCode);
        Assert.Equal(Channel.Window, submitted.Channel);
        Assert.Equal(TheApplicant, submitted.Applicant);
        Assert.Equal(TheDeceased, submitted.Deceased);
        Assert.Equal(Payout, submitted.PayoutAccount);
        Assert.Equal(Heir, submitted.HeirAccount);
        Then.CarriesStamp([submitted], CaseId, Window);
    }

    [Fact]
    public void The_submitted_case_folds_into_pending_items_and_required_materials()
    {
        var state = Fold([Submitted("DEATH_CERT", "HUKOU_CANCEL")]);

        Assert.Equal(CaseId, state.Id);
        Assert.Equal(CaseStatus.Submitted, state.Status);
        Assert.All(state.Items.Values, i => Assert.Equal(ItemStatus.Pending, i.Status));
        Assert.Equal("PUBLIC_SECURITY", state.Items["HUKOU_CANCEL"].Department);
        Assert.Equal(["DEATH_CERT"], state.Items["HUKOU_CANCEL"].WaitingFor);
        Assert.All(state.Materials.Values.Where(m => m.HandIn), m => Assert.Equal(MaterialStatus.Required, m.Status));
    }

    [Fact]
    public void Case_can_fold_every_event_type_of_the_stream_as_Marten_does()
    {
        var create = typeof(Case).GetMethod(nameof(Case.Create), [typeof(CaseSubmitted)]);
        Assert.NotNull(create);
        Assert.True(create.IsStatic);
        foreach (var type in CaseEvents.All.Where(t => t != typeof(CaseSubmitted)))
            Assert.True(typeof(Case).GetMethod("Apply", [type]) is { IsStatic: false },
                $"Case has no Apply({type.Name})");
    }
}
