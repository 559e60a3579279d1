using ShenHou.Domain.Cases;
using static ShenHou.Tests.Domain.Given;

namespace ShenHou.Tests.Domain;

/// <summary>
/// 限时办结: every transferred item's clock starts at its transfer and runs its own time limit in working
/// days; the case is due after the longest chain of the waiting order, counted from acceptance. (The
/// shorthand histories are submitted on 12-01 whatever the acceptance date: only the acceptance counts.)
/// </summary>
public sealed class DeadlineTests
{
    /// <summary>Wednesday before National Day (2026-10-01..07 off, Saturday 10-10 worked).</summary>
    private static readonly Stamp BeforeNationalDay = new("window-620100-02", Beijing(2026, 9, 30, 10));

    private static DateTimeOffset EndOf(int month, int day) => Beijing(2026, month, day, 23, 59, 59);

    [Fact]
    public void Accepting_before_National_Day_counts_the_case_and_DEATH_CERT_past_the_holiday()
    {
        var history = VerifiedCase("DEATH_CERT", "HUKOU_CANCEL", "INHERITANCE_NOTARIZATION");
        Assert.Equal(1, EmbeddedCatalog.Item("DEATH_CERT").TimeLimitWorkingDays);
        Assert.Equal(15, EmbeddedCatalog.Item("INHERITANCE_NOTARIZATION").TimeLimitWorkingDays);

        var events = CaseDecisions.Accept(State(history), BeforeNationalDay, TheCalendar);

        // The first working day after 09-30 is Thursday 10-08; the longest chain is DEATH_CERT (1) then the
        // notarisation (15): 10-08, 10-09, the worked Saturday 10-10, 10-12 … 10-28.
        Then.EmitsBy(BeforeNationalDay, events,
            new CaseAccepted(CaseId, EndOf(10, 28), true, BeforeNationalDay.Actor, BeforeNationalDay.At),
            new ItemTransferred(CaseId, CaseNumber, RegionCode, "DEATH_CERT", "HEALTH",
                Beijing(2026, 10, 8, 18), EndOf(10, 8), true, BeforeNationalDay.Actor, BeforeNationalDay.At));
        Assert.Equal(TheCalendar.DueAfter(BeforeNationalDay.At, 16).DueAt, ((CaseAccepted)events[0]).DueAt);

        var accepted = Fold([.. history, .. events]);
        Assert.Equal(BeforeNationalDay.At, accepted.AcceptedAt);
        Assert.Equal(BeforeNationalDay.At, accepted.Items["DEATH_CERT"].TransferredAt);
        Assert.Equal(EndOf(10, 8), accepted.Items["DEATH_CERT"].DueAt);
        Assert.Null(accepted.Items["HUKOU_CANCEL"].DueAt); // its clock has not started
    }

    [Fact]
    public void Each_item_transferred_at_acceptance_runs_its_own_time_limit()
    {
        // Without DEATH_CERT nothing waits: 2, 5 and 15 working days, all from 09-30.
        var history = VerifiedCase("MEDICAL_ACCOUNT_WITHDRAWAL", "WILL_NOTARY_CHECK", "PENSION_ACCOUNT_LUMP_SUM");

        var events = CaseDecisions.Accept(State(history), BeforeNationalDay, TheCalendar);

        var (actor, at) = (BeforeNationalDay.Actor, BeforeNationalDay.At);
        Then.EmitsBy(BeforeNationalDay, events,
            new CaseAccepted(CaseId, EndOf(10, 27), true, actor, at),
            // 75% of 2 days: noon of the 2nd working day (10-09)
            new ItemTransferred(CaseId, CaseNumber, RegionCode, "MEDICAL_ACCOUNT_WITHDRAWAL", "MEDICAL_SECURITY",
                Beijing(2026, 10, 9, 12), EndOf(10, 9), true, actor, at),
            // 3.75 of 5 days: 18:00 of the 4th working day (Monday 10-12, after the worked Saturday)
            new ItemTransferred(CaseId, CaseNumber, RegionCode, "WILL_NOTARY_CHECK", "JUSTICE",
                Beijing(2026, 10, 12, 18), EndOf(10, 13), true, actor, at),
            // 11.25 of 15 days: 06:00 of the 12th working day (10-22)
            new ItemTransferred(CaseId, CaseNumber, RegionCode, "PENSION_ACCOUNT_LUMP_SUM", "HRSS",
                Beijing(2026, 10, 22, 6), EndOf(10, 27), true, actor, at));
    }

    [Fact]
    public void A_deadline_in_a_year_whose_holidays_are_not_published_is_unconfirmed()
    {
        var monday = new Stamp("window-620100-01", Beijing(2026, 12, 21, 9));

        var events = CaseDecisions.Accept(State(VerifiedCase("PENSION_ACCOUNT_LUMP_SUM")), monday, TheCalendar);

        // 8 working days left in 2026, then 2027 counts weekends only: Friday 01-01 … Monday 01-11.
        var accepted = Assert.IsType<CaseAccepted>(events[0]);
        var transfer = Assert.IsType<ItemTransferred>(events[1]);
        Assert.Equal(Beijing(2027, 1, 11, 23, 59, 59), accepted.DueAt);
        Assert.False(accepted.DueConfirmed);
        Assert.Equal(accepted.DueAt, transfer.DueAt);
        Assert.False(transfer.DueConfirmed);
    }

    [Fact]
    public void Items_released_by_an_issue_are_due_counted_from_the_issue()
    {
        List<object> history = [.. AcceptedCase("DEATH_CERT", "HUKOU_CANCEL", "INHERITANCE_NOTARIZATION"), Approved("DEATH_CERT")];

        var events = CaseDecisions.Issue(State(history), "DEATH_CERT", "SW-1", Now, TheCalendar);

        // Issued Thursday 12-03 (accepted 12-01): HUKOU_CANCEL is due Friday 12-04, not 12-02.
        Then.Emits(events,
            new ItemIssued(CaseId, "DEATH_CERT", "SW-1", Now.Actor, Now.At),
            new ItemTransferred(CaseId, CaseNumber, RegionCode, "HUKOU_CANCEL", "PUBLIC_SECURITY",
                Beijing(2026, 12, 4, 18), EndOf(12, 4), true, Now.Actor, Now.At),
            new ItemTransferred(CaseId, CaseNumber, RegionCode, "INHERITANCE_NOTARIZATION", "JUSTICE",
                Beijing(2026, 12, 21, 6), EndOf(12, 24), true, Now.Actor, Now.At));
        var after = Fold([.. history, .. events]);
        Assert.Equal(Now.At, after.Items["HUKOU_CANCEL"].TransferredAt);
        Assert.Equal(EndOf(12, 24), after.Items["INHERITANCE_NOTARIZATION"].DueAt);
    }

    [Fact]
    public void An_item_released_on_the_Friday_before_a_worked_Saturday_is_due_that_Saturday()
    {
        var friday = new Stamp("health-lzu1-02", Beijing(2026, 10, 9, 17));
        List<object> history = [.. AcceptedCase(BeforeNationalDay, "DEATH_CERT", "HUKOU_CANCEL"), Approved("DEATH_CERT", friday)];

        var events = CaseDecisions.Issue(State(history), "DEATH_CERT", "SW-1", friday, TheCalendar);

        var transfer = Assert.IsType<ItemTransferred>(events[1]);
        Assert.Equal("HUKOU_CANCEL", transfer.ItemCode);
        Assert.Equal(EndOf(10, 10), transfer.DueAt);
        Assert.Equal(Beijing(2026, 10, 10, 18), transfer.WarnAt);
    }
}

/// <summary>延期: an approved extension moves the item's deadline; the case's follows the longest chain again.</summary>
public sealed class ExtendTests
{
    private const string Reason = "需向外省调取档案 / records must come from another province";
    private const string Approver = "supervisor-620100-01";

    private static DateTimeOffset EndOf(int month, int day) => Beijing(2026, month, day, 23, 59, 59);

    // Accepted Tuesday 12-01 09:00: DEATH_CERT (1) then HUKOU_CANCEL (1), DRIVING_LICENSE_CANCEL (1) beside them.
    private static List<object> Case() => AcceptedCase("DEATH_CERT", "HUKOU_CANCEL", "DRIVING_LICENSE_CANCEL");

    [Fact]
    public void An_extension_into_a_year_without_published_holidays_marks_the_case_deadline_unconfirmed()
    {
        var history = AcceptedCase(new Stamp("window-620100-01", Beijing(2026, 12, 28, 9)), "DEATH_CERT", "HUKOU_CANCEL");
        Assert.True(history.OfType<CaseAccepted>().Single().DueConfirmed);

        var extended = CaseDecisions.Extend(State(history), "DEATH_CERT", 5, Reason, Approver, Now, TheCalendar);

        Assert.True(extended.CaseDueAt.Year == 2027);
        Assert.False(extended.CaseDueConfirmed);
        Assert.False(extended.DueConfirmed);
    }

    [Fact]
    public void Extending_an_item_on_the_longest_chain_moves_its_deadline_and_the_cases()
    {
        var history = Case();
        Assert.Equal(EndOf(12, 3), history.OfType<CaseAccepted>().Single().DueAt);

        var extended = CaseDecisions.Extend(State(history), "DEATH_CERT", 2, Reason, Approver, Now, TheCalendar);

        // 1 + 2 days from 12-01: due 12-04, warned at 2.25 days (12-04 06:00); the chain is now 3 + 1 days: 12-07.
        Then.Emits([extended], new ItemDeadlineExtended(CaseId, "DEATH_CERT", 2, Reason, Approver,
            Beijing(2026, 12, 4, 6), EndOf(12, 4), true, EndOf(12, 7), true, Now.Actor, Now.At));
        Assert.Equal(TheCalendar.DueAfter(Window.At, 3).DueAt, extended.DueAt);
        Assert.Equal(TheCalendar.DueAfter(Window.At, 4).DueAt, extended.CaseDueAt);

        var item = Fold([.. history, extended]).Items["DEATH_CERT"];
        Assert.Equal(EndOf(12, 4), item.DueAt);
        Assert.Equal(2, item.ExtraWorkingDays);
    }

    [Fact]
    public void Extending_an_item_off_the_longest_chain_moves_the_case_only_once_it_becomes_the_longest()
    {
        var state = State(Case());

        Assert.Equal(EndOf(12, 3), CaseDecisions.Extend(state, "DRIVING_LICENSE_CANCEL", 1, Reason, Approver, Now, TheCalendar).CaseDueAt);
        var longer = CaseDecisions.Extend(state, "DRIVING_LICENSE_CANCEL", 3, Reason, Approver, Now, TheCalendar);
        Assert.Equal(EndOf(12, 7), longer.DueAt);
        Assert.Equal(Beijing(2026, 12, 5), longer.WarnAt); // 3 of 4 days: 24:00 of the 3rd working day (Friday 12-04)
        Assert.Equal(EndOf(12, 7), longer.CaseDueAt);
    }

    [Fact]
    public void Extensions_add_up()
    {
        List<object> history = Case();
        history.Add(CaseDecisions.Extend(State(history), "DEATH_CERT", 2, Reason, Approver, Now, TheCalendar));

        var again = CaseDecisions.Extend(State(history), "DEATH_CERT", 1, "再延一日", Approver, Now, TheCalendar);

        Assert.Equal(1, again.ExtraWorkingDays);
        Assert.Equal(EndOf(12, 7), again.DueAt);      // 1 + 2 + 1 days from 12-01
        Assert.Equal(EndOf(12, 8), again.CaseDueAt);  // then HUKOU_CANCEL's day
        Assert.Equal(3, Fold([.. history, again]).Items["DEATH_CERT"].ExtraWorkingDays);
    }

    [Fact]
    public void An_item_released_later_is_extended_from_its_own_transfer()
    {
        var wednesday = new Stamp("health-lzu1-02", Beijing(2026, 12, 2, 16));
        List<object> history =
        [
            .. Case(), Approved("DEATH_CERT", wednesday), Issued("DEATH_CERT", wednesday), Transferred("HUKOU_CANCEL", wednesday),
        ];

        var extended = CaseDecisions.Extend(State(history), "HUKOU_CANCEL", 1, Reason, Approver, Now, TheCalendar);

        Assert.Equal(EndOf(12, 4), extended.DueAt);      // 2 days from 12-02: 12-03, 12-04
        Assert.Equal(EndOf(12, 4), extended.CaseDueAt);  // 1 + 2 days from acceptance on 12-01
    }

    [Fact]
    public void Only_an_item_in_progress_can_be_extended()
    {
        var state = State([.. Case(), Rejected("DRIVING_LICENSE_CANCEL")]);
        var issued = State([.. Case(), Approved("DEATH_CERT"), Issued("DEATH_CERT")]);

        Then.Refused(() => CaseDecisions.Extend(state, "HUKOU_CANCEL", 1, Reason, Approver, Now, TheCalendar), "item-waiting");
        Then.Refused(() => CaseDecisions.Extend(state, "DRIVING_LICENSE_CANCEL", 1, Reason, Approver, Now, TheCalendar),
            "item-wrong-status");
        Then.Refused(() => CaseDecisions.Extend(issued, "DEATH_CERT", 1, Reason, Approver, Now, TheCalendar), "item-wrong-status");
        Then.Refused(() => CaseDecisions.Extend(State([Submitted("DEATH_CERT")]), "DEATH_CERT", 1, Reason, Approver, Now, TheCalendar),
            "case-wrong-status");

        var approved = State([.. Case(), Approved("DEATH_CERT")]); // approved, not issued: still in progress
        Assert.Equal(EndOf(12, 3), CaseDecisions.Extend(approved, "DEATH_CERT", 1, Reason, Approver, Now, TheCalendar).DueAt);
    }
}
