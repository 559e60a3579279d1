using ShenHou.Domain.Cases;
using static ShenHou.Tests.Domain.Given;

namespace ShenHou.Tests.Domain;

/// <summary>认领: a reviewer claims an item so that two reviewers never work it at once.</summary>
public sealed class ClaimTests
{
    private const string Other = "reviewer-11";
    private static readonly Stamp ByOther = new(Other, Now.At);

    // DEATH_CERT and DRIVING_LICENSE_CANCEL are with their departments; HUKOU_CANCEL waits for DEATH_CERT.
    private static List<object> Case() => AcceptedCase("DEATH_CERT", "HUKOU_CANCEL", "DRIVING_LICENSE_CANCEL");

    /// <summary>DEATH_CERT claimed by the reviewer who issues the commands under test.</summary>
    private static List<object> ClaimedByMe() => [.. Case(), Claimed("DEATH_CERT", Now.Actor)];

    [Fact]
    public void The_first_claim_takes_the_item()
    {
        var history = Case();

        var events = CaseDecisions.Claim(State(history), "DEATH_CERT", Now);

        Then.Emits(events, new ItemClaimed(CaseId, "DEATH_CERT", Now.Actor, Now.Actor, Now.At));
        Assert.Equal(Now.Actor, Fold([.. history, .. events]).Items["DEATH_CERT"].ClaimedBy);
    }

    [Fact]
    public void Claiming_ones_own_claim_again_changes_nothing()
    {
        Assert.Empty(CaseDecisions.Claim(State(ClaimedByMe()), "DEATH_CERT", Now));
    }

    [Fact]
    public void A_claim_by_another_reviewer_is_refused_and_names_the_claimer()
    {
        var refusal = Then.Refused(() => CaseDecisions.Claim(State(ClaimedByMe()), "DEATH_CERT", ByOther), "item-claimed");

        Assert.Contains(Now.Actor, refusal.English);
        Assert.Contains(Now.Actor, refusal.Chinese);
    }

    [Fact]
    public void A_claim_holds_only_its_own_item()
    {
        var state = State(ClaimedByMe());

        Then.EmitsBy(ByOther, CaseDecisions.Claim(state, "DRIVING_LICENSE_CANCEL", ByOther),
            new ItemClaimed(CaseId, "DRIVING_LICENSE_CANCEL", Other, Other, Now.At));
        Assert.IsType<ItemApproved>(Assert.Single(CaseDecisions.Decide(state, "DRIVING_LICENSE_CANCEL", true, null, ByOther)));
    }

    [Fact]
    public void Only_the_claimer_decides_a_claimed_item()
    {
        var state = State(ClaimedByMe());

        Then.Refused(() => CaseDecisions.Decide(state, "DEATH_CERT", true, null, ByOther), "item-claimed");
        Then.Refused(() => CaseDecisions.Decide(state, "DEATH_CERT", false, "不符", ByOther), "item-claimed");
        Then.Emits(CaseDecisions.Decide(state, "DEATH_CERT", true, null, Now),
            new ItemApproved(CaseId, "DEATH_CERT", null, Now.Actor, Now.At));
    }

    [Fact]
    public void Anyone_decides_or_issues_an_unclaimed_item()
    {
        var history = Case();

        Assert.IsType<ItemApproved>(Assert.Single(CaseDecisions.Decide(State(history), "DEATH_CERT", true, null, ByOther)));
        var issued = CaseDecisions.Issue(State([.. history, Approved("DEATH_CERT")]), "DEATH_CERT", "SW-1", ByOther, TheCalendar);
        Assert.IsType<ItemIssued>(issued[0]);
    }

    [Fact]
    public void The_claim_survives_approval_and_only_the_claimer_issues()
    {
        var history = ClaimedByMe();
        var approved = CaseDecisions.Decide(State(history), "DEATH_CERT", true, null, Now);
        history.AddRange(approved);
        var state = State(history);
        Assert.Equal(Now.Actor, state.Items["DEATH_CERT"].ClaimedBy);

        Then.Refused(() => CaseDecisions.Issue(state, "DEATH_CERT", "SW-1", ByOther, TheCalendar), "item-claimed");
        Assert.IsType<ItemIssued>(CaseDecisions.Issue(state, "DEATH_CERT", "SW-1", Now, TheCalendar)[0]);
    }

    [Fact]
    public void Issuing_clears_the_claim()
    {
        List<object> history = [.. ClaimedByMe(), Approved("DEATH_CERT")];

        var events = CaseDecisions.Issue(State(history), "DEATH_CERT", "SW-1", Now, TheCalendar);

        Assert.Null(Fold([.. history, .. events]).Items["DEATH_CERT"].ClaimedBy);
    }

    [Fact]
    public void Rejecting_clears_the_claim()
    {
        List<object> history = [.. Case(), Claimed("DRIVING_LICENSE_CANCEL", Now.Actor)];

        var events = CaseDecisions.Decide(State(history), "DRIVING_LICENSE_CANCEL", false, "驾驶证信息不符", Now);

        var item = Fold([.. history, .. events]).Items["DRIVING_LICENSE_CANCEL"];
        Assert.Equal(ItemStatus.Rejected, item.Status);
        Assert.Null(item.ClaimedBy);
    }

    [Fact]
    public void The_claimer_releases_the_item_and_another_reviewer_may_then_claim_it()
    {
        var history = ClaimedByMe();

        var released = CaseDecisions.Release(State(history), "DEATH_CERT", Now);

        Then.Emits([released], new ItemReleased(CaseId, "DEATH_CERT", Now.Actor, Now.Actor, Now.At));
        var after = Fold([.. history, released]);
        Assert.Null(after.Items["DEATH_CERT"].ClaimedBy);
        Assert.IsType<ItemClaimed>(Assert.Single(CaseDecisions.Claim(after, "DEATH_CERT", ByOther)));
    }

    [Fact]
    public void Only_the_claimer_releases_and_only_a_claimed_item()
    {
        var refusal = Then.Refused(() => CaseDecisions.Release(State(ClaimedByMe()), "DEATH_CERT", ByOther), "item-claimed");
        Assert.Contains(Now.Actor, refusal.English);

        Then.Refused(() => CaseDecisions.Release(State(Case()), "DEATH_CERT", Now), "item-not-claimed");
    }

    [Fact]
    public void Only_an_item_in_progress_can_be_claimed()
    {
        var state = State([
            .. Case(), Rejected("DRIVING_LICENSE_CANCEL"),
        ]);
        var issued = State([.. Case(), Approved("DEATH_CERT"), Issued("DEATH_CERT")]);

        Then.Refused(() => CaseDecisions.Claim(state, "HUKOU_CANCEL", Now), "item-waiting");
        Then.Refused(() => CaseDecisions.Claim(state, "DRIVING_LICENSE_CANCEL", Now), "item-wrong-status");
        Then.Refused(() => CaseDecisions.Claim(issued, "DEATH_CERT", Now), "item-wrong-status");
        Then.Refused(() => CaseDecisions.Claim(State([Submitted("DEATH_CERT")]), "DEATH_CERT", Now), "case-wrong-status");
        Then.Refused(() => CaseDecisions.Release(state, "HUKOU_CANCEL", Now), "item-waiting");

        // approved but not issued: still in progress
        Assert.Single(CaseDecisions.Claim(State([.. Case(), Approved("DEATH_CERT")]), "DEATH_CERT", Now));
    }
}
