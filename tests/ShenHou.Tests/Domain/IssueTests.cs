using ShenHou.Domain.Cases;
using static ShenHou.Tests.Domain.Given;

namespace ShenHou.Tests.Domain;

/// <summary>出证: issuing a result releases the items that were waiting for what it produced.</summary>
public sealed class IssueTests
{
    private static readonly string[] Chain =
        ["DEATH_CERT", "HUKOU_CANCEL", "CREMATION_CERT", "INHERITANCE_NOTARIZATION", "HOUSING_FUND_WITHDRAWAL"];

    [Fact]
    public void Issuing_an_item_nothing_waits_for_emits_only_the_issue()
    {
        var state = State([.. AcceptedCase("DEATH_CERT", "DRIVING_LICENSE_CANCEL"), Approved("DRIVING_LICENSE_CANCEL")]);

        Then.Emits(CaseDecisions.Issue(state, "DRIVING_LICENSE_CANCEL", "JZ-2026-0001", Now, TheCalendar),
            new ItemIssued(CaseId, "DRIVING_LICENSE_CANCEL", "JZ-2026-0001", Now.Actor, Now.At));
    }

    [Fact]
    public void Issuing_DEATH_CERT_releases_the_items_that_waited_only_for_it_but_not_those_still_waiting_for_another()
    {
        List<object> history = [.. AcceptedCase(Chain), Approved("DEATH_CERT")];

        var events = CaseDecisions.Issue(State(history), "DEATH_CERT", "SW-620100-0001", Now, TheCalendar);

        Then.Emits(events,
            new ItemIssued(CaseId, "DEATH_CERT", "SW-620100-0001", Now.Actor, Now.At),
            TransferredTo("HUKOU_CANCEL", "PUBLIC_SECURITY", Now),
            TransferredTo("CREMATION_CERT", "CIVIL_AFFAIRS", Now),
            TransferredTo("INHERITANCE_NOTARIZATION", "JUSTICE", Now));

        var after = Fold([.. history, .. events]);
        Assert.Equal(ItemStatus.Issued, after.Items["DEATH_CERT"].Status);
        Assert.Equal(ItemStatus.Waiting, after.Items["HOUSING_FUND_WITHDRAWAL"].Status);
    }

    [Fact]
    public void Issuing_the_notarisation_releases_the_housing_fund_once_the_death_certificate_is_issued_too()
    {
        var state = State([
            .. AcceptedCase(Chain),
            Approved("DEATH_CERT"), Issued("DEATH_CERT"),
            Transferred("HUKOU_CANCEL"), Transferred("CREMATION_CERT"), Transferred("INHERITANCE_NOTARIZATION"),
            Approved("INHERITANCE_NOTARIZATION"),
        ]);

        Then.Emits(CaseDecisions.Issue(state, "INHERITANCE_NOTARIZATION", "GZ-2026-0042", Now, TheCalendar),
            new ItemIssued(CaseId, "INHERITANCE_NOTARIZATION", "GZ-2026-0042", Now.Actor, Now.At),
            TransferredTo("HOUSING_FUND_WITHDRAWAL", "HOUSING", Now));
    }

    [Fact]
    public void Issuing_an_item_whose_dependants_were_already_released_releases_nothing_again()
    {
        var state = State([
            .. AcceptedCase("DEATH_CERT", "HUKOU_CANCEL", "DRIVING_LICENSE_CANCEL"),
            Approved("DEATH_CERT"), Issued("DEATH_CERT"), Transferred("HUKOU_CANCEL"),
            Approved("DRIVING_LICENSE_CANCEL"),
        ]);

        Then.Emits(CaseDecisions.Issue(state, "DRIVING_LICENSE_CANCEL", "JZ-1", Now, TheCalendar),
            new ItemIssued(CaseId, "DRIVING_LICENSE_CANCEL", "JZ-1", Now.Actor, Now.At));
    }

    [Fact]
    public void Issuing_the_last_item_makes_the_case_ready_for_delivery()
    {
        List<object> history =
        [
            .. AcceptedCase("DEATH_CERT", "HUKOU_CANCEL"),
            Approved("DEATH_CERT"), Issued("DEATH_CERT"), Transferred("HUKOU_CANCEL"), Approved("HUKOU_CANCEL"),
        ];

        var events = CaseDecisions.Issue(State(history), "HUKOU_CANCEL", "HK-1", Now, TheCalendar);

        Then.Emits(events,
            new ItemIssued(CaseId, "HUKOU_CANCEL", "HK-1", Now.Actor, Now.At),
            new CaseReadyForDelivery(CaseId, Now.Actor, Now.At));
        Assert.Equal(CaseStatus.ReadyForDelivery, Fold([.. history, .. events]).Status);
    }

    [Fact]
    public void Issuing_the_last_open_item_beside_a_rejected_one_makes_the_case_ready()
    {
        var state = State([
            .. AcceptedCase("DEATH_CERT", "DRIVING_LICENSE_CANCEL"),
            Rejected("DRIVING_LICENSE_CANCEL"), Approved("DEATH_CERT"),
        ]);

        Then.Emits(CaseDecisions.Issue(state, "DEATH_CERT", "SW-1", Now, TheCalendar),
            new ItemIssued(CaseId, "DEATH_CERT", "SW-1", Now.Actor, Now.At),
            new CaseReadyForDelivery(CaseId, Now.Actor, Now.At));
    }

    [Fact]
    public void Issuing_an_item_that_is_not_approved_is_refused()
    {
        var state = State([
            .. AcceptedCase("DEATH_CERT", "HUKOU_CANCEL", "DRIVING_LICENSE_CANCEL", "SMALL_DEPOSIT_WITHDRAWAL"),
            Rejected("DRIVING_LICENSE_CANCEL"), Approved("SMALL_DEPOSIT_WITHDRAWAL"), Issued("SMALL_DEPOSIT_WITHDRAWAL"),
        ]);

        Then.Refused(() => CaseDecisions.Issue(state, "DEATH_CERT", "SW-1", Now, TheCalendar), "item-wrong-status");            // transferred
        Then.Refused(() => CaseDecisions.Issue(state, "DRIVING_LICENSE_CANCEL", "JZ-1", Now, TheCalendar), "item-wrong-status"); // rejected
        Then.Refused(() => CaseDecisions.Issue(state, "SMALL_DEPOSIT_WITHDRAWAL", "CK-2", Now, TheCalendar), "item-wrong-status"); // issued
        var waiting = Then.Refused(() => CaseDecisions.Issue(state, "HUKOU_CANCEL", "HK-1", Now, TheCalendar), "item-waiting");
        Assert.Contains("DEATH_CERT", waiting.English);
    }

    [Fact]
    public void Issuing_before_acceptance_is_refused()
    {
        var state = State([Submitted("DEATH_CERT")]);

        Then.Refused(() => CaseDecisions.Issue(state, "DEATH_CERT", "SW-1", Now, TheCalendar), "case-wrong-status");
    }
}

/// <summary>出件 and 撤回: the results go out together once the case is ready; a case can be withdrawn only while open.</summary>
public sealed class DeliverAndWithdrawTests
{
    private static List<object> Ready() =>
    [
        .. AcceptedCase("DEATH_CERT"), Approved("DEATH_CERT"), Issued("DEATH_CERT"), ReadyForDelivery(),
    ];

    [Fact]
    public void A_case_ready_for_delivery_is_delivered()
    {
        var history = Ready();

        var delivered = CaseDecisions.Deliver(State(history), DeliveryMethod.Post, Now, TheCalendar);

        Then.Emits([delivered], new CaseDelivered(CaseId, DeliveryMethod.Post, delivered.ActualWorkingDays, 0, Now.Actor, Now.At));
        Assert.True(delivered.ActualWorkingDays >= 1);
        Assert.Equal(CaseStatus.Delivered, Fold([.. history, delivered]).Status);
    }

    [Fact]
    public void Delivering_a_case_that_is_not_ready_is_refused()
    {
        var submitted = Submitted("DEATH_CERT");
        Then.Refused(() => CaseDecisions.Deliver(State([submitted]), DeliveryMethod.Window, Now, TheCalendar), "case-wrong-status");
        Then.Refused(() => CaseDecisions.Deliver(State(AcceptedCase("DEATH_CERT")), DeliveryMethod.Window, Now, TheCalendar),
            "case-wrong-status");
        Then.Refused(() => CaseDecisions.Deliver(State([.. Ready(), Delivered()]), DeliveryMethod.Window, Now, TheCalendar),
            "case-wrong-status");
        Then.Refused(() => CaseDecisions.Deliver(State([submitted, Withdrawn()]), DeliveryMethod.Window, Now, TheCalendar),
            "case-wrong-status");
    }

    [Fact]
    public void A_submitted_case_can_be_withdrawn()
    {
        var history = new List<object> { Submitted("DEATH_CERT") };

        var withdrawn = CaseDecisions.Withdraw(State(history), "家属不再办理", Now);

        Then.Emits([withdrawn], new CaseWithdrawn(CaseId, "家属不再办理", withdrawn.OpenItems, Now.Actor, Now.At));
        Assert.Equal(["DEATH_CERT"], withdrawn.OpenItems);
        Assert.Equal(CaseStatus.Withdrawn, Fold([.. history, withdrawn]).Status);
    }

    [Fact]
    public void An_accepted_case_can_be_withdrawn()
    {
        var state = State([.. AcceptedCase("DEATH_CERT", "HUKOU_CANCEL"), Approved("DEATH_CERT")]);

        var withdrawn = CaseDecisions.Withdraw(state, "家属不再办理", Now);

        Then.Emits([withdrawn], new CaseWithdrawn(CaseId, "家属不再办理", withdrawn.OpenItems, Now.Actor, Now.At));
        Assert.Equal(["DEATH_CERT", "HUKOU_CANCEL"], withdrawn.OpenItems); // approved and waiting: both unfinished
    }

    [Fact]
    public void A_withdrawal_lists_exactly_the_items_still_unfinished()
    {
        var state = State([
            .. AcceptedCase("DEATH_CERT", "HUKOU_CANCEL", "INHERITANCE_NOTARIZATION", "HOUSING_FUND_WITHDRAWAL",
                "DRIVING_LICENSE_CANCEL", "MEDICAL_ACCOUNT_WITHDRAWAL"),
            Approved("DEATH_CERT"), Issued("DEATH_CERT"),
            Transferred("HUKOU_CANCEL"), Transferred("INHERITANCE_NOTARIZATION"), Transferred("MEDICAL_ACCOUNT_WITHDRAWAL"),
            Approved("HUKOU_CANCEL"), Rejected("DRIVING_LICENSE_CANCEL"),
            Approved("MEDICAL_ACCOUNT_WITHDRAWAL"), Issued("MEDICAL_ACCOUNT_WITHDRAWAL"),
        ]);

        var withdrawn = CaseDecisions.Withdraw(state, "家属不再办理", Now);

        // approved, transferred and waiting are open; issued and rejected are not
        Assert.Equal(["HOUSING_FUND_WITHDRAWAL", "HUKOU_CANCEL", "INHERITANCE_NOTARIZATION"], withdrawn.OpenItems.Order());
    }

    [Fact]
    public void A_withdrawal_before_acceptance_lists_every_item()
    {
        var state = State([
            Submitted("DEATH_CERT", "HUKOU_CANCEL"),
            new CorrectionRequested(CaseId, 1, [new("DECEASED_ID", "过期")], Window.Actor, Window.At),
        ]);

        Assert.Equal(["DEATH_CERT", "HUKOU_CANCEL"], CaseDecisions.Withdraw(state, "家属不再办理", Now).OpenItems.Order());
    }

    [Fact]
    public void A_case_that_is_no_longer_open_cannot_be_withdrawn()
    {
        Then.Refused(() => CaseDecisions.Withdraw(State(Ready()), "x", Now), "case-not-open");
        Then.Refused(() => CaseDecisions.Withdraw(State([.. Ready(), Delivered()]), "x", Now), "case-not-open");
        Then.Refused(() => CaseDecisions.Withdraw(State([Submitted("DEATH_CERT"), Withdrawn()]), "x", Now), "case-not-open");
    }
}
