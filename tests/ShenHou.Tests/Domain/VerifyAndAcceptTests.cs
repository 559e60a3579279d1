using ShenHou.Domain.Cases;
using static ShenHou.Tests.Domain.Given;

namespace ShenHou.Tests.Domain;

/// <summary>核验 and 受理: materials handed in are checked one by one; the case is accepted only when all passed.</summary>
public sealed class VerifyAndAcceptTests
{
    [Fact]
    public void A_material_handed_in_passes_verification()
    {
        var history = new List<object> { Submitted("DEATH_CERT", "HUKOU_CANCEL") };

        var verified = CaseDecisions.VerifyMaterial(State(history), "DECEASED_ID", true, null, Now);

        Then.Emits([verified],
            new MaterialVerified(CaseId, "DECEASED_ID", true, null, VerificationMethod.Manual, null, Now.Actor, Now.At));
        Assert.Equal(MaterialStatus.Verified, Fold([.. history, verified]).Materials["DECEASED_ID"].Status);
    }

    [Fact]
    public void A_material_handed_in_fails_verification_with_its_reason()
    {
        var history = new List<object> { Submitted("DEATH_CERT", "HUKOU_CANCEL") };

        var verified = CaseDecisions.VerifyMaterial(State(history), "APPLICANT_ID", false, "证件已过期", Now);

        Then.Emits([verified],
            new MaterialVerified(CaseId, "APPLICANT_ID", false, "证件已过期", VerificationMethod.Manual, null, Now.Actor, Now.At));
        Assert.Equal(MaterialStatus.Rejected, Fold([.. history, verified]).Materials["APPLICANT_ID"].Status);
    }

    [Fact]
    public void A_failed_material_can_be_verified_again_and_pass()
    {
        List<object> history = [Submitted("HUKOU_CANCEL"), Verified("APPLICANT_ID", passed: false)];

        var verified = CaseDecisions.VerifyMaterial(State(history), "APPLICANT_ID", true, null, Now);

        Assert.True(verified.Passed);
        Assert.Equal(MaterialStatus.Verified, Fold([.. history, verified]).Materials["APPLICANT_ID"].Status);
    }

    [Fact]
    public void Verifying_a_material_produced_in_the_case_is_refused()
    {
        var state = State([Submitted("DEATH_CERT", "HUKOU_CANCEL")]);

        var refusal = Then.Refused(() => CaseDecisions.VerifyMaterial(state, "DEATH_CERTIFICATE", true, null, Now),
            "material-not-handed-in");
        Assert.Contains("DEATH_CERTIFICATE", refusal.English);
    }

    [Fact]
    public void Verifying_a_material_the_case_does_not_need_is_refused()
    {
        var state = State([Submitted("DEATH_CERT", "HUKOU_CANCEL")]);

        Then.Refused(() => CaseDecisions.VerifyMaterial(state, "DRIVING_LICENSE", true, null, Now), "material-not-handed-in");
    }

    [Fact]
    public void Verifying_after_acceptance_is_refused()
    {
        var state = State(AcceptedCase("DEATH_CERT", "HUKOU_CANCEL"));

        Then.Refused(() => CaseDecisions.VerifyMaterial(state, "APPLICANT_ID", false, "补正", Now), "case-wrong-status");
    }

    [Fact]
    public void Acceptance_is_refused_while_a_material_is_unverified_or_failed_and_names_them()
    {
        var state = State([
            Submitted("DEATH_CERT", "HUKOU_CANCEL"),
            Verified("APPLICANT_ID"),
            Verified("DECEASED_ID", passed: false),
        ]);

        var refusal = Then.Refused(() => CaseDecisions.Accept(state, Now, TheCalendar), "materials-not-verified");

        Assert.Contains("DECEASED_ID", refusal.English);         // failed
        Assert.Contains("HOUSEHOLD_REGISTER", refusal.English);  // never verified
        Assert.Contains("DECEASED_ID", refusal.Chinese);
        Assert.Contains("HOUSEHOLD_REGISTER", refusal.Chinese);
        Assert.DoesNotContain("APPLICANT_ID", refusal.English);  // passed
        Assert.DoesNotContain("DEATH_CERTIFICATE", refusal.English); // produced in the case
    }

    [Fact]
    public void Acceptance_is_refused_when_one_material_failed_even_if_the_rest_passed()
    {
        var submitted = Submitted("CREMATION_CERT");
        var history = new List<object> { submitted };
        history.AddRange(EveryMaterialVerified(submitted));
        history.Add(Verified("DEATH_CERTIFICATE", passed: false));

        var refusal = Then.Refused(() => CaseDecisions.Accept(State(history), Now, TheCalendar), "materials-not-verified");
        Assert.Contains("DEATH_CERTIFICATE", refusal.English);
    }

    [Fact]
    public void Acceptance_transfers_only_the_items_that_wait_for_nothing_to_their_departments()
    {
        var submitted = Submitted("HUKOU_CANCEL", "DEATH_CERT", "WILL_NOTARY_CHECK", "DRIVING_LICENSE_CANCEL");
        List<object> history = [submitted, .. EveryMaterialVerified(submitted)];

        var events = CaseDecisions.Accept(State(history), Now, TheCalendar);

        Then.Emits(events,
            Accepted(chainDays: 6, Now), // DEATH_CERT (1) then WILL_NOTARY_CHECK (5)
            TransferredTo("DEATH_CERT", "HEALTH", Now),
            TransferredTo("DRIVING_LICENSE_CANCEL", "PUBLIC_SECURITY", Now));

        var accepted = Fold([.. history, .. events]);
        Assert.Equal(CaseStatus.Accepted, accepted.Status);
        Assert.Equal(ItemStatus.Transferred, accepted.Items["DEATH_CERT"].Status);
        Assert.Equal(ItemStatus.Transferred, accepted.Items["DRIVING_LICENSE_CANCEL"].Status);
        Assert.Equal(ItemStatus.Waiting, accepted.Items["HUKOU_CANCEL"].Status);
        Assert.Equal(ItemStatus.Waiting, accepted.Items["WILL_NOTARY_CHECK"].Status);
    }

    [Fact]
    public void Without_DEATH_CERT_every_item_goes_to_its_department_at_once()
    {
        var submitted = Submitted("CREMATION_CERT", "HUKOU_CANCEL", "MEDICAL_ACCOUNT_WITHDRAWAL");
        List<object> history = [submitted, .. EveryMaterialVerified(submitted)];

        Then.Emits(CaseDecisions.Accept(State(history), Now, TheCalendar),
            Accepted(chainDays: 2, Now), // nothing waits: the longest single limit, MEDICAL_ACCOUNT_WITHDRAWAL
            TransferredTo("CREMATION_CERT", "CIVIL_AFFAIRS", Now),
            TransferredTo("HUKOU_CANCEL", "PUBLIC_SECURITY", Now),
            TransferredTo("MEDICAL_ACCOUNT_WITHDRAWAL", "MEDICAL_SECURITY", Now));
    }

    [Fact]
    public void Accepting_twice_is_refused()
    {
        var state = State(AcceptedCase("DEATH_CERT"));

        Then.Refused(() => CaseDecisions.Accept(state, Now, TheCalendar), "case-wrong-status");
    }

    [Fact]
    public void Accepting_a_withdrawn_case_is_refused()
    {
        var submitted = Submitted("DEATH_CERT");
        var state = State([submitted, .. EveryMaterialVerified(submitted), Withdrawn()]);

        Then.Refused(() => CaseDecisions.Accept(state, Now, TheCalendar), "case-wrong-status");
    }
}
