using ShenHou.Domain.Cases;
using static ShenHou.Tests.Domain.Given;

namespace ShenHou.Tests.Domain;

/// <summary>The case's actual working days stop while the family is asked for corrections.</summary>
public sealed class DeliveryTimeTests
{
    private static Stamp At(DateTimeOffset at) => new("window-620100-01", at);

    private static List<object> ReadyCase(Stamp submittedAt, params (DateTimeOffset Requested, DateTimeOffset Supplied)[] rounds)
    {
        var submitted = Submitted("DRIVING_LICENSE_CANCEL") with { At = submittedAt.At };
        List<object> history = [submitted];
        var round = 0;
        foreach (var (requested, supplied) in rounds)
        {
            history.Add(new CorrectionRequested(CaseId, ++round, [new MaterialDeficiency("APPLICANT_ID", "不清晰")], "w", requested));
            history.Add(new SupplementsReceived(CaseId, round, ["APPLICANT_ID"], null, "w", supplied));
        }
        history.AddRange(EveryMaterialVerified(submitted));
        var accepted = CaseDecisions.Accept(State(history), At(rounds.Length == 0 ? submittedAt.At : rounds[^1].Supplied), TheCalendar);
        history.AddRange(accepted);
        history.Add(new ItemApproved(CaseId, "DRIVING_LICENSE_CANCEL", null, "r", accepted.OfType<ItemTransferred>().Single().At));
        history.Add(new ItemIssued(CaseId, "DRIVING_LICENSE_CANCEL", "JZ-1", "r", accepted.OfType<ItemTransferred>().Single().At));
        history.Add(new CaseReadyForDelivery(CaseId, "r", accepted.OfType<ItemTransferred>().Single().At));
        return history;
    }

    [Fact]
    public void working_days_from_submission_to_delivery_skip_weekends_and_holidays()
    {
        // Submitted Wednesday Sep 30; delivered Friday Oct 9 at noon: Oct 8 and half of Oct 9 count.
        var history = ReadyCase(At(Beijing(2026, 9, 30, 10)));
        var delivered = CaseDecisions.Deliver(State(history), DeliveryMethod.Window, At(Beijing(2026, 10, 9, 12)), TheCalendar);
        Assert.Equal(2, delivered.ActualWorkingDays);
        Assert.Equal(0, delivered.WaitingForApplicantWorkingDays);
    }

    [Fact]
    public void a_correction_asked_on_the_day_of_submission_stops_only_the_running_clock()
    {
        // Asked Monday 11:00, brought Tuesday 12:00: only Tuesday's first half was on the clock.
        var history = ReadyCase(At(Beijing(2026, 11, 30, 10)), (Beijing(2026, 11, 30, 11), Beijing(2026, 12, 1, 12)));
        var delivered = CaseDecisions.Deliver(State(history), DeliveryMethod.Window, At(Beijing(2026, 12, 3, 12)), TheCalendar);
        Assert.Equal(0.5, delivered.WaitingForApplicantWorkingDays);
        Assert.Equal(2, delivered.ActualWorkingDays); // 2.5 elapsed - 0.5 waiting
    }

    [Fact]
    public void a_delivery_on_the_day_of_submission_counts_one_day()
    {
        var history = ReadyCase(At(Beijing(2026, 12, 3, 9)));
        var delivered = CaseDecisions.Deliver(State(history), DeliveryMethod.Window, At(Beijing(2026, 12, 3, 16)), TheCalendar);
        Assert.Equal(1, delivered.ActualWorkingDays);
    }

    [Fact]
    public void time_waiting_for_the_applicant_is_not_counted()
    {
        // Submitted Monday Nov 30 (the day itself does not count); corrections asked Tuesday Dec 1 00:00,
        // brought Thursday Dec 3 00:00: two working days off the clock. Delivered Monday Dec 7 00:00:
        // Dec 1-4 elapsed, two of them counted.
        var history = ReadyCase(At(Beijing(2026, 11, 30, 10)), (Beijing(2026, 12, 1), Beijing(2026, 12, 3)));
        var delivered = CaseDecisions.Deliver(State(history), DeliveryMethod.Window, At(Beijing(2026, 12, 7)), TheCalendar);
        Assert.Equal(2, delivered.WaitingForApplicantWorkingDays);
        Assert.Equal(2, delivered.ActualWorkingDays);
    }
}
