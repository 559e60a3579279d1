using ShenHou.Domain.Cases;
using static ShenHou.Tests.Domain.Given;

namespace ShenHou.Tests.Domain;

/// <summary>审批: a department decides an item it holds; a rejection closes everything that needed its result.</summary>
public sealed class DecideTests
{
    private const string Reason = "死亡医学证明信息不符 / the medical record does not match";

    [Fact]
    public void Approving_a_transferred_item()
    {
        var state = State(AcceptedCase("DEATH_CERT", "HUKOU_CANCEL"));

        Then.Emits(CaseDecisions.Decide(state, "DEATH_CERT", true, "符合条件", Now),
            new ItemApproved(CaseId, "DEATH_CERT", "符合条件", Now.Actor, Now.At));
    }

    [Fact]
    public void Approving_the_last_open_item_does_not_make_the_case_ready()
    {
        var state = State(AcceptedCase("DRIVING_LICENSE_CANCEL"));

        Then.Emits(CaseDecisions.Decide(state, "DRIVING_LICENSE_CANCEL", true, null, Now),
            new ItemApproved(CaseId, "DRIVING_LICENSE_CANCEL", null, Now.Actor, Now.At));
    }

    [Fact]
    public void Deciding_an_item_that_waits_is_refused_and_names_what_it_waits_for()
    {
        var state = State(AcceptedCase("DEATH_CERT", "HUKOU_CANCEL"));

        var refusal = Then.Refused(() => CaseDecisions.Decide(state, "HUKOU_CANCEL", true, null, Now), "item-waiting");
        Assert.Contains("DEATH_CERT", refusal.English);
        Assert.Contains("DEATH_CERT", refusal.Chinese);
    }

    [Fact]
    public void The_waiting_refusal_names_only_the_prerequisites_not_yet_issued()
    {
        var state = State([
            .. AcceptedCase("DEATH_CERT", "INHERITANCE_NOTARIZATION", "HOUSING_FUND_WITHDRAWAL"),
            Approved("DEATH_CERT"), Issued("DEATH_CERT"), Transferred("INHERITANCE_NOTARIZATION"),
        ]);

        var refusal = Then.Refused(() => CaseDecisions.Decide(state, "HOUSING_FUND_WITHDRAWAL", true, null, Now),
            "item-waiting");
        Assert.Contains("INHERITANCE_NOTARIZATION", refusal.English);
        Assert.DoesNotContain("DEATH_CERT", refusal.English);
    }

    [Fact]
    public void Deciding_an_approved_item_again_is_refused()
    {
        var state = State([.. AcceptedCase("DEATH_CERT"), Approved("DEATH_CERT")]);

        Then.Refused(() => CaseDecisions.Decide(state, "DEATH_CERT", false, Reason, Now), "item-wrong-status");
    }

    [Fact]
    public void Deciding_a_rejected_or_issued_item_is_refused()
    {
        var state = State([
            .. AcceptedCase("DEATH_CERT", "DRIVING_LICENSE_CANCEL", "SMALL_DEPOSIT_WITHDRAWAL"),
            Rejected("DRIVING_LICENSE_CANCEL"), Approved("DEATH_CERT"), Issued("DEATH_CERT"),
        ]);

        Then.Refused(() => CaseDecisions.Decide(state, "DRIVING_LICENSE_CANCEL", true, null, Now), "item-wrong-status");
        Then.Refused(() => CaseDecisions.Decide(state, "DEATH_CERT", true, null, Now), "item-wrong-status");
    }

    [Fact]
    public void Deciding_before_acceptance_is_refused()
    {
        var state = State([Submitted("DEATH_CERT")]);

        Then.Refused(() => CaseDecisions.Decide(state, "DEATH_CERT", true, null, Now), "case-wrong-status");
    }

    [Fact]
    public void Rejecting_an_item_nothing_waits_for_rejects_only_it()
    {
        var state = State(AcceptedCase("DEATH_CERT", "DRIVING_LICENSE_CANCEL"));

        Then.Emits(CaseDecisions.Decide(state, "DRIVING_LICENSE_CANCEL", false, Reason, Now),
            new ItemRejected(CaseId, "DRIVING_LICENSE_CANCEL", Reason, null, Now.Actor, Now.At));
    }

    [Fact]
    public void Rejecting_DEATH_CERT_closes_every_item_that_waits_for_it_directly_or_through_another()
    {
        var history = AcceptedCase("DEATH_CERT", "HUKOU_CANCEL", "INHERITANCE_NOTARIZATION", "HOUSING_FUND_WITHDRAWAL",
            "DRIVING_LICENSE_CANCEL");

        var events = CaseDecisions.Decide(State(history), "DEATH_CERT", false, Reason, Now);

        Then.Emits(events,
            new ItemRejected(CaseId, "DEATH_CERT", Reason, null, Now.Actor, Now.At),
            ClosedBecause("HUKOU_CANCEL", "DEATH_CERT", Now),
            ClosedBecause("INHERITANCE_NOTARIZATION", "DEATH_CERT", Now),
            ClosedBecause("HOUSING_FUND_WITHDRAWAL", "INHERITANCE_NOTARIZATION", Now));

        var after = Fold([.. history, .. events]);
        Assert.Equal(CaseStatus.Accepted, after.Status); // DRIVING_LICENSE_CANCEL is still with its department
        Assert.Equal(ItemStatus.Transferred, after.Items["DRIVING_LICENSE_CANCEL"].Status);
        Assert.All(after.Items.Where(i => i.Key != "DRIVING_LICENSE_CANCEL"),
            i => Assert.Equal(ItemStatus.Rejected, i.Value.Status));
    }

    [Theory]
    [InlineData("HOUSING_FUND_WITHDRAWAL,INHERITANCE_NOTARIZATION,HUKOU_CANCEL,DEATH_CERT,SOCIAL_SECURITY_CARD_INFO")]
    [InlineData("SOCIAL_SECURITY_CARD_INFO,DEATH_CERT,HOUSING_FUND_WITHDRAWAL,HUKOU_CANCEL,INHERITANCE_NOTARIZATION")]
    public void The_closure_does_not_depend_on_the_order_items_were_chosen_in(string chosen)
    {
        var state = State(AcceptedCase(chosen.Split(',')));

        var events = CaseDecisions.Decide(state, "DEATH_CERT", false, Reason, Now);

        var rejected = events.OfType<ItemRejected>().ToArray();
        Assert.Equal(["DEATH_CERT", "HOUSING_FUND_WITHDRAWAL", "HUKOU_CANCEL", "INHERITANCE_NOTARIZATION",
            "SOCIAL_SECURITY_CARD_INFO"], rejected.Select(r => r.ItemCode).Order());
        Assert.Equal(rejected.Length, rejected.Select(r => r.ItemCode).Distinct().Count()); // each closed once
        Assert.All(rejected.Where(r => r.ItemCode != "DEATH_CERT"),
            r => Assert.Contains(r.Prerequisite!, state.Items[r.ItemCode].WaitingFor));
        Assert.IsType<CaseReadyForDelivery>(events[^1]);
    }

    [Fact]
    public void Rejecting_the_notarisation_closes_only_what_waits_for_it()
    {
        var state = State([
            .. AcceptedCase("DEATH_CERT", "HUKOU_CANCEL", "INHERITANCE_NOTARIZATION", "HOUSING_FUND_WITHDRAWAL"),
            Approved("DEATH_CERT"), Issued("DEATH_CERT"),
            Transferred("HUKOU_CANCEL"), Transferred("INHERITANCE_NOTARIZATION"),
        ]);

        Then.Emits(CaseDecisions.Decide(state, "INHERITANCE_NOTARIZATION", false, Reason, Now),
            new ItemRejected(CaseId, "INHERITANCE_NOTARIZATION", Reason, null, Now.Actor, Now.At),
            ClosedBecause("HOUSING_FUND_WITHDRAWAL", "INHERITANCE_NOTARIZATION", Now));
    }

    [Fact]
    public void A_rejection_that_leaves_every_item_final_makes_the_case_ready_for_delivery()
    {
        var history = AcceptedCase("DEATH_CERT", "HUKOU_CANCEL");

        var events = CaseDecisions.Decide(State(history), "DEATH_CERT", false, Reason, Now);

        Then.Emits(events,
            new ItemRejected(CaseId, "DEATH_CERT", Reason, null, Now.Actor, Now.At),
            ClosedBecause("HUKOU_CANCEL", "DEATH_CERT", Now),
            new CaseReadyForDelivery(CaseId, Now.Actor, Now.At));
        Assert.Equal(CaseStatus.ReadyForDelivery, Fold([.. history, .. events]).Status);
    }

    [Fact]
    public void Rejecting_the_last_open_item_when_the_others_are_issued_makes_the_case_ready()
    {
        var state = State([
            .. AcceptedCase("DEATH_CERT", "DRIVING_LICENSE_CANCEL"),
            Approved("DEATH_CERT"), Issued("DEATH_CERT"),
        ]);

        Then.Emits(CaseDecisions.Decide(state, "DRIVING_LICENSE_CANCEL", false, Reason, Now),
            new ItemRejected(CaseId, "DRIVING_LICENSE_CANCEL", Reason, null, Now.Actor, Now.At),
            new CaseReadyForDelivery(CaseId, Now.Actor, Now.At));
    }

    [Fact]
    public void A_rejection_while_another_item_is_approved_but_not_issued_does_not_make_the_case_ready()
    {
        var state = State([.. AcceptedCase("DEATH_CERT", "DRIVING_LICENSE_CANCEL"), Approved("DEATH_CERT")]);

        Then.Emits(CaseDecisions.Decide(state, "DRIVING_LICENSE_CANCEL", false, Reason, Now),
            new ItemRejected(CaseId, "DRIVING_LICENSE_CANCEL", Reason, null, Now.Actor, Now.At));
    }
}
