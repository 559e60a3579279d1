using ShenHou.Domain.Cases;
using static ShenHou.Tests.Domain.Given;

namespace ShenHou.Tests.Domain;

/// <summary>
/// 材料自动核验 and 一次性告知补正: a registry vouches for shared materials or sends them to the window;
/// staff ask for every correction at once and the applicant brings all of it back in one go.
/// </summary>
public sealed class SharingAndCorrectionTests
{
    private static readonly DateTimeOffset Answered = new(2026, 12, 1, 9, 0, 2, TimeSpan.FromHours(8));

    // PENSION_ACCOUNT_LUMP_SUM alone: the ID cards, the death certificate and the card are shared; the forms are handed in.
    private static readonly CaseSubmitted Pension = Submitted("PENSION_ACCOUNT_LUMP_SUM");

    private static Dictionary<string, SharingOutcome> AllVouched(CaseSubmitted s) =>
        s.Materials.Where(m => m.Source == MaterialSource.SharedData)
            .ToDictionary(m => m.Code, m => new SharingOutcome(true, $"{m.Registry} record"));

    [Fact]
    public void A_registry_vouches_for_a_shared_material_or_sends_it_to_the_window()
    {
        var outcomes = new Dictionary<string, SharingOutcome>
        {
            ["APPLICANT_ID"] = new(true, "人口库比对一致"),
            ["DECEASED_ID"] = new(false, "无记录 / no record"),
            ["PENSION_FORMS"] = new(true, "ignored: handed in, not shared"),
        };

        var events = CaseDecisions.VerifyThroughSharing(Pension, outcomes, Answered);

        Assert.Equal<object>(
        [
            new MaterialVerified(CaseId, "APPLICANT_ID", true, "人口库比对一致", VerificationMethod.DataSharing,
                "PopulationRegistry", "PopulationRegistry", Answered),
            new MaterialRoutedToManualVerification(CaseId, "DECEASED_ID", "PopulationRegistry", "无记录 / no record",
                "PopulationRegistry", Answered),
            new MaterialRoutedToManualVerification(CaseId, "DEATH_CERTIFICATE", "DeathRegistry", "未查询 / not checked",
                "DeathRegistry", Answered),
            new MaterialRoutedToManualVerification(CaseId, "DECEASED_SS_OR_BANK_CARD", "SocialSecurity",
                "未查询 / not checked", "SocialSecurity", Answered),
        ], events);
    }

    [Fact]
    public void Vouched_materials_need_no_staff_and_the_case_can_be_accepted_once_the_rest_is_verified()
    {
        var events = CaseDecisions.VerifyThroughSharing(Pension, AllVouched(Pension), Answered);
        List<object> history = [Pension, .. events];
        Assert.All(Pension.Materials.Where(m => m.Source == MaterialSource.SharedData),
            m => Assert.Equal(MaterialStatus.Verified, Fold(history).Materials[m.Code].Status));

        var refusal = Then.Refused(() => CaseDecisions.Accept(State(history), Now, TheCalendar), "materials-not-verified");
        Assert.Equal("these materials are not verified yet: PENSION_FORMS", refusal.English);

        Assert.IsType<CaseAccepted>(CaseDecisions.Accept(State([.. history, Verified("PENSION_FORMS")]), Now, TheCalendar)[0]);
    }

    [Fact]
    public void A_material_sent_to_the_window_is_handed_in_and_verified_by_staff_before_acceptance()
    {
        var outcomes = AllVouched(Pension);
        outcomes["DEATH_CERTIFICATE"] = new SharingOutcome(false, "登记机关无应答 / registry did not answer");
        List<object> history = [Pension, .. CaseDecisions.VerifyThroughSharing(Pension, outcomes, Answered), Verified("PENSION_FORMS")];

        var routed = Fold(history).Materials["DEATH_CERTIFICATE"];
        Assert.Equal(new CaseMaterial(true, MaterialStatus.Required), routed);
        var refusal = Then.Refused(() => CaseDecisions.Accept(State(history), Now, TheCalendar), "materials-not-verified");
        Assert.Contains("DEATH_CERTIFICATE", refusal.English);

        var verified = CaseDecisions.VerifyMaterial(State(history), "DEATH_CERTIFICATE", true, null, Now);
        Assert.IsType<CaseAccepted>(CaseDecisions.Accept(State([.. history, verified]), Now, TheCalendar)[0]);
    }

    [Fact]
    public void Staff_cannot_verify_a_shared_material_the_registry_still_holds()
    {
        Then.Refused(() => CaseDecisions.VerifyMaterial(State([Pension]), "DECEASED_ID", true, null, Now),
            "material-not-handed-in");
    }

    [Fact]
    public void A_correction_request_lists_every_deficient_material_and_the_case_waits_for_the_applicant()
    {
        List<object> history = [Submitted("DEATH_CERT", "HUKOU_CANCEL"), Verified("APPLICANT_ID")];
        MaterialDeficiency[] deficient = [new("APPLICANT_ID", "复印件不清晰"), new("HOUSEHOLD_REGISTER", "缺户主页")];

        var requested = CaseDecisions.RequestCorrection(State(history), deficient, Now);

        Then.Emits([requested], new CorrectionRequested(CaseId, 1, deficient, Now.Actor, Now.At));
        var state = Fold([.. history, requested]);
        Assert.Equal(CaseStatus.AwaitingCorrection, state.Status);
        Assert.Equal(["APPLICANT_ID", "HOUSEHOLD_REGISTER"], state.AwaitedMaterials);
        Assert.Equal(MaterialStatus.Rejected, state.Materials["APPLICANT_ID"].Status);
        Assert.Equal(MaterialStatus.Rejected, state.Materials["HOUSEHOLD_REGISTER"].Status);
    }

    [Fact]
    public void While_the_case_awaits_the_applicant_nothing_else_moves_but_withdrawal()
    {
        var state = State([
            Submitted("DEATH_CERT"),
            new CorrectionRequested(CaseId, 1, [new("DECEASED_ID", "过期")], Window.Actor, Window.At),
        ]);

        Then.Refused(() => CaseDecisions.VerifyMaterial(state, "APPLICANT_ID", true, null, Now), "case-wrong-status");
        Then.Refused(() => CaseDecisions.Accept(state, Now, TheCalendar), "case-wrong-status");
        Then.Refused(() => CaseDecisions.RequestCorrection(state, [new("APPLICANT_ID", "x")], Now), "case-wrong-status");
        Assert.IsType<CaseWithdrawn>(CaseDecisions.Withdraw(state, "家属不再办理", Now));
    }

    [Fact]
    public void Corrections_are_asked_only_for_materials_handed_in_and_only_before_acceptance()
    {
        var submitted = State([Submitted("DEATH_CERT", "HUKOU_CANCEL")]);
        Then.Refused(() => CaseDecisions.RequestCorrection(submitted, [new("DEATH_CERTIFICATE", "x")], Now),
            "material-not-handed-in");

        Then.Refused(() => CaseDecisions.RequestCorrection(State(AcceptedCase("DEATH_CERT")), [new("APPLICANT_ID", "x")], Now),
            "case-wrong-status");
    }

    [Fact]
    public void The_supplements_bring_back_every_awaited_material_and_verification_starts_again()
    {
        List<object> history =
        [
            Submitted("DEATH_CERT", "HUKOU_CANCEL"),
            new CorrectionRequested(CaseId, 1, [new("APPLICANT_ID", "不清晰"), new("DECEASED_ID", "过期")], Window.Actor, Window.At),
        ];

        var received = CaseDecisions.ReceiveSupplements(State(history), ["DECEASED_ID", "APPLICANT_ID"], "当面补交", Now);

        Then.Emits([received], new SupplementsReceived(CaseId, 1, received.Materials, "当面补交", Now.Actor, Now.At));
        Assert.Equal(["DECEASED_ID", "APPLICANT_ID"], received.Materials);
        var state = Fold([.. history, received]);
        Assert.Equal(CaseStatus.Submitted, state.Status);
        Assert.Empty(state.AwaitedMaterials);
        Assert.Equal(MaterialStatus.Required, state.Materials["APPLICANT_ID"].Status);
        Assert.Equal(MaterialStatus.Required, state.Materials["DECEASED_ID"].Status);

        var second = CaseDecisions.RequestCorrection(state, [new("DECEASED_ID", "仍不清晰")], Now);
        Assert.Equal(2, second.Round);
    }

    [Fact]
    public void Incomplete_or_unrequested_supplements_are_refused_and_named()
    {
        var state = State([
            Submitted("DEATH_CERT", "HUKOU_CANCEL"),
            new CorrectionRequested(CaseId, 1, [new("APPLICANT_ID", "不清晰"), new("DECEASED_ID", "过期")], Window.Actor, Window.At),
        ]);

        var missing = Then.Refused(() => CaseDecisions.ReceiveSupplements(state, ["APPLICANT_ID"], null, Now),
            "supplements-incomplete");
        Assert.Contains("DECEASED_ID", missing.English);
        var extra = Then.Refused(
            () => CaseDecisions.ReceiveSupplements(state, ["APPLICANT_ID", "DECEASED_ID", "HOUSEHOLD_REGISTER"], null, Now),
            "material-not-requested");
        Assert.Contains("HOUSEHOLD_REGISTER", extra.English);
        Then.Refused(() => CaseDecisions.ReceiveSupplements(State([Submitted("DEATH_CERT")]), [], null, Now),
            "case-wrong-status");
    }
}
