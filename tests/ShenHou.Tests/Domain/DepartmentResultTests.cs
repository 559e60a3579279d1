using ShenHou.Domain.Cases;
using static ShenHou.Tests.Domain.Given;

namespace ShenHou.Tests.Domain;

/// <summary>A department platform's result is its reviewers' decision, under the platform's name, for its own items only.</summary>
public sealed class DepartmentResultTests
{
    private static readonly Stamp Platform = new("platform:HEALTH", Now.At);

    [Fact]
    public void An_approval_from_the_platform_is_the_same_decision_under_its_name()
    {
        var state = State(AcceptedCase("DEATH_CERT", "HUKOU_CANCEL"));

        Then.EmitsBy(Platform, CaseDecisions.RecordDepartmentResult(state, "HEALTH", "DEATH_CERT", DepartmentOutcome.Approved,
                "符合条件", null, Platform, TheCalendar),
            new ItemApproved(CaseId, "DEATH_CERT", "符合条件", Platform.Actor, Platform.At));
    }

    [Fact]
    public void A_rejection_closes_what_waited_for_the_item()
    {
        var state = State(AcceptedCase("DEATH_CERT", "HUKOU_CANCEL"));

        var events = CaseDecisions.RecordDepartmentResult(state, "HEALTH", "DEATH_CERT", DepartmentOutcome.Rejected,
            "信息不符", null, Platform, TheCalendar);

        Assert.Equal([typeof(ItemRejected), typeof(ItemRejected), typeof(CaseReadyForDelivery)], events.Select(e => e.GetType()));
        Then.CarriesStamp(events, CaseId, Platform);
    }

    [Fact]
    public void An_issued_result_releases_the_items_that_waited_for_it()
    {
        var state = State([.. AcceptedCase("DEATH_CERT", "HUKOU_CANCEL"), Approved("DEATH_CERT")]);

        var events = CaseDecisions.RecordDepartmentResult(state, "HEALTH", "DEATH_CERT", DepartmentOutcome.Issued,
            null, "甘死证〔2026〕001234", Platform, TheCalendar);

        Assert.Equal(new ItemIssued(CaseId, "DEATH_CERT", "甘死证〔2026〕001234", Platform.Actor, Platform.At), events[0]);
        Assert.Equal("HUKOU_CANCEL", Assert.IsType<ItemTransferred>(events[1]).ItemCode);
    }

    [Fact]
    public void A_platform_speaks_only_for_its_own_department()
    {
        var state = State(AcceptedCase("DEATH_CERT", "DRIVING_LICENSE_CANCEL"));

        var refusal = Then.Refused(() => CaseDecisions.RecordDepartmentResult(state, "HEALTH", "DRIVING_LICENSE_CANCEL",
            DepartmentOutcome.Approved, null, null, Platform, TheCalendar), "item-of-another-department");
        Assert.Contains("PUBLIC_SECURITY", refusal.English);
    }

    [Fact]
    public void An_issued_result_before_the_approval_is_refused()
    {
        var state = State(AcceptedCase("DEATH_CERT"));

        Then.Refused(() => CaseDecisions.RecordDepartmentResult(state, "HEALTH", "DEATH_CERT", DepartmentOutcome.Issued,
            null, "甘死证〔2026〕001234", Platform, TheCalendar), "item-wrong-status");
    }

    [Fact]
    public void A_result_for_an_item_a_reviewer_claimed_is_refused()
    {
        var state = State([.. AcceptedCase("DEATH_CERT"), Claimed("DEATH_CERT", "reviewer-07")]);

        Then.Refused(() => CaseDecisions.RecordDepartmentResult(state, "HEALTH", "DEATH_CERT", DepartmentOutcome.Approved,
            null, null, Platform, TheCalendar), "item-claimed");
    }
}
