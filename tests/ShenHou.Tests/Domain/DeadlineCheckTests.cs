using ShenHou.Domain.Cases;
using static ShenHou.Tests.Domain.Given;

namespace ShenHou.Tests.Domain;

/// <summary>
/// The deadline monitor's decision: "approaching" once 75% of an unfinished item's time has passed,
/// "overdue" once its deadline has, each recorded once per deadline.
/// </summary>
public sealed class DeadlineCheckTests
{
    private const string Item = "WILL_NOTARY_CHECK"; // 5 working days, JUSTICE

    // Transferred at acceptance, Tuesday 12-01 09:00: working days 12-02, 12-03, 12-04, 12-07, 12-08.
    private static readonly DateTimeOffset WarnAt = Beijing(2026, 12, 7, 18); // 3.75 days: 18:00 of the 4th
    private static readonly DateTimeOffset DueAt = Beijing(2026, 12, 8, 23, 59, 59);

    private static List<object> Case() => AcceptedCase(Item, "DRIVING_LICENSE_CANCEL");

    private static IReadOnlyList<object> Check(IEnumerable<object> history, DateTimeOffset now, string item = Item) =>
        CaseDecisions.CheckDeadline(State(history), item, now, TheCalendar);

    private static ItemDeadlineApproaching Approaching(DateTimeOffset due, DateTimeOffset at) =>
        new(CaseId, Item, "JUSTICE", due, CaseDecisions.DeadlineMonitor, at);

    private static ItemOverdue Overdue(DateTimeOffset due, DateTimeOffset at) =>
        new(CaseId, Item, "JUSTICE", due, CaseDecisions.DeadlineMonitor, at);

    private static void Records(IReadOnlyList<object> actual, DateTimeOffset now, params object[] expected) =>
        Then.EmitsBy(new Stamp(CaseDecisions.DeadlineMonitor, now), actual, expected);

    [Fact]
    public void The_transfer_carries_the_moments_the_checks_use()
    {
        var transfer = Case().OfType<ItemTransferred>().Single(t => t.ItemCode == Item);
        Assert.Equal(WarnAt, transfer.WarnAt);
        Assert.Equal(DueAt, transfer.DueAt);
    }

    [Fact]
    public void Nothing_is_recorded_before_75_percent_of_the_time()
    {
        Assert.Empty(Check(Case(), Window.At));
        Assert.Empty(Check(Case(), Beijing(2026, 12, 4, 23, 59, 59)));
        Assert.Empty(Check(Case(), WarnAt.AddTicks(-1)));
    }

    [Fact]
    public void Approaching_is_recorded_by_the_monitor_at_the_75_percent_instant_and_after()
    {
        Records(Check(Case(), WarnAt), WarnAt, Approaching(DueAt, WarnAt));
        var later = Beijing(2026, 12, 8, 10);
        Records(Check(Case(), later), later, Approaching(DueAt, later));
    }

    [Fact]
    public void Approaching_is_recorded_once()
    {
        List<object> history = [.. Case(), .. Check(Case(), WarnAt)];

        Assert.Empty(Check(history, Beijing(2026, 12, 8, 12)));
        Assert.Empty(Check(history, DueAt)); // the last second of the last working day is still in time
    }

    [Fact]
    public void Overdue_is_recorded_once_the_deadline_has_passed_and_only_once()
    {
        List<object> history = [.. Case(), Approaching(DueAt, WarnAt)];
        var overdueAt = DueAt.AddSeconds(1);
        Assert.Equal(overdueAt, TheCalendar.AtFraction(Window.At, 5, 1.0));

        var events = Check(history, overdueAt);

        Records(events, overdueAt, Overdue(DueAt, overdueAt));
        history.AddRange(events);
        Assert.Empty(Check(history, overdueAt));
        Assert.Empty(Check(history, Beijing(2026, 12, 15, 9)));
    }

    [Fact]
    public void A_late_check_records_both_at_once_and_then_nothing()
    {
        var late = Beijing(2026, 12, 10, 9);

        var events = Check(Case(), late);

        Records(events, late, Approaching(DueAt, late), Overdue(DueAt, late));
        Assert.Empty(Check([.. Case(), .. events], late.AddDays(3)));
    }

    [Fact]
    public void An_approved_item_not_yet_issued_is_still_unfinished()
    {
        var late = Beijing(2026, 12, 10, 9);
        Records(Check([.. Case(), Approved(Item)], late), late, Approaching(DueAt, late), Overdue(DueAt, late));
    }

    [Fact]
    public void Nothing_is_recorded_for_a_finished_item_a_waiting_one_or_a_withdrawn_case()
    {
        var late = Beijing(2026, 12, 31, 9);

        Assert.Empty(Check([.. Case(), Approved(Item), Issued(Item)], late));
        Assert.Empty(Check([.. Case(), Rejected(Item)], late));
        Assert.Empty(Check([.. Case(), Withdrawn(Item, "DRIVING_LICENSE_CANCEL")], late));
        Assert.Empty(Check(AcceptedCase("DEATH_CERT", "HUKOU_CANCEL"), late, "HUKOU_CANCEL")); // its clock has not started
        Assert.Empty(Check(Case(), late, "NO_SUCH_ITEM"));
        Assert.Empty(Check([.. Case(), Rejected(Item), Approved("DRIVING_LICENSE_CANCEL"), Issued("DRIVING_LICENSE_CANCEL"),
            ReadyForDelivery()], late));
    }

    [Fact]
    public void After_an_extension_the_new_deadline_is_approached_and_missed_once_more()
    {
        var late = Beijing(2026, 12, 10, 9);
        List<object> history = [.. Case(), Approaching(DueAt, late), Overdue(DueAt, late)];
        var extended = CaseDecisions.Extend(State(history), Item, 5, "需调取档案", "supervisor-620100-01",
            new Stamp("supervisor-620100-01", late.AddHours(1)), TheCalendar);
        history.Add(extended);

        // 10 working days from 12-01: due 12-15; 7.5 days: noon of the 8th working day (12-11).
        var newDue = Beijing(2026, 12, 15, 23, 59, 59);
        var newWarn = Beijing(2026, 12, 11, 12);
        Assert.Equal(newDue, extended.DueAt);
        Assert.Equal(newWarn, extended.WarnAt);

        Assert.Empty(Check(history, late.AddHours(2)));  // past the old marks, both recorded; the new ones not reached
        Assert.Empty(Check(history, newWarn.AddTicks(-1)));
        var approaching = Check(history, newWarn);
        Records(approaching, newWarn, Approaching(newDue, newWarn));
        history.AddRange(approaching);

        Assert.Empty(Check(history, newDue));
        var overdueAt = newDue.AddSeconds(1);
        var overdue = Check(history, overdueAt);
        Records(overdue, overdueAt, Overdue(newDue, overdueAt));
        history.AddRange(overdue);
        Assert.Empty(Check(history, Beijing(2026, 12, 17, 9)));
    }

    [Fact]
    public void An_extension_moves_the_75_percent_mark_and_approaching_is_recorded_again()
    {
        // Extended by one day after "approaching" was recorded: 6 days from 12-01, 75% = 4.5 days (12-08 12:00).
        List<object> history = [.. Case(), Approaching(DueAt, WarnAt)];
        var supervisor = new Stamp("supervisor-620100-01", Beijing(2026, 12, 8, 9));
        history.Add(CaseDecisions.Extend(State(history), Item, 1, "需调取档案", supervisor.Actor, supervisor, TheCalendar));
        var newDue = Beijing(2026, 12, 9, 23, 59, 59);
        var noon = Beijing(2026, 12, 8, 12);

        Assert.Empty(Check(history, noon.AddTicks(-1)));
        Records(Check(history, noon), noon, Approaching(newDue, noon));
    }
}
