using ShenHou.Domain.Calendar;

namespace ShenHou.Domain.Cases;

/// <summary>限时办结: claims, deadline checks and extensions.</summary>
public static partial class CaseDecisions
{
    /// <summary>The actor recorded on events the deadline monitor writes.</summary>
    public const string DeadlineMonitor = "deadline-monitor";

    /// <summary>A reviewer takes an item so that nobody else works it meanwhile. Claiming one's own claim changes nothing.</summary>
    public static IReadOnlyList<object> Claim(Case current, string item, Stamp stamp)
    {
        var state = RequireInProgress(current, item, "认领", "claim");
        if (state.ClaimedBy == stamp.Actor) return [];
        if (state.ClaimedBy is not null) throw ClaimedByOther(item, state.ClaimedBy);
        return [new ItemClaimed(current.Id, item, stamp.Actor, stamp.Actor, stamp.At)];
    }

    public static ItemReleased Release(Case current, string item, Stamp stamp)
    {
        var state = RequireInProgress(current, item, "释放", "release");
        if (state.ClaimedBy is null)
            throw new CaseRuleViolation("item-not-claimed", $"事项 {item} 未被认领", $"item {item} is not claimed");
        if (state.ClaimedBy != stamp.Actor) throw ClaimedByOther(item, state.ClaimedBy);
        return new ItemReleased(current.Id, item, state.ClaimedBy, stamp.Actor, stamp.At);
    }

    /// <summary>
    /// What the clock says about an unfinished item: approaching at 75% of its time, overdue after
    /// its deadline, each recorded once per deadline. Nothing for a finished item.
    /// </summary>
    public static IReadOnlyList<object> CheckDeadline(Case current, string code, DateTimeOffset now, WorkingCalendar calendar)
    {
        if (current.Status != CaseStatus.Accepted || !current.Items.TryGetValue(code, out var item)
            || !item.InProgress || item.DueAt is not { } due)
            return [];
        var events = new List<object>();
        var warnAt = calendar.AtFraction(item.TransferredAt!.Value, item.TimeLimitWorkingDays + item.ExtraWorkingDays, DeadlineWarning);
        if (now >= warnAt && item.WarnedFor != due)
            events.Add(new ItemDeadlineApproaching(current.Id, code, item.Department, due, DeadlineMonitor, now));
        if (now > due && item.OverdueFor != due)
            events.Add(new ItemOverdue(current.Id, code, item.Department, due, DeadlineMonitor, now));
        return events;
    }

    /// <summary>An approved extension: the item's deadline moves, and the case's follows the longest chain.</summary>
    public static ItemDeadlineExtended Extend(
        Case current, string code, int extraDays, string reason, string approvedBy, Stamp stamp, WorkingCalendar calendar)
    {
        var item = RequireInProgress(current, code, "延期", "extend");
        var days = item.TimeLimitWorkingDays + item.ExtraWorkingDays + extraDays;
        var due = calendar.DueAfter(item.TransferredAt!.Value, days);
        var caseDue = calendar.DueAfter(current.AcceptedAt!.Value, ChainDays(current, (code, extraDays)));
        return new ItemDeadlineExtended(current.Id, code, extraDays, reason, approvedBy,
            calendar.AtFraction(item.TransferredAt.Value, days, DeadlineWarning), due.DueAt, due.Confirmed, caseDue.DueAt,
            caseDue.Confirmed, stamp.Actor, stamp.At);
    }

    private static CaseItem RequireInProgress(Case current, string code, string zhAction, string enAction)
    {
        RequireStatus(current, CaseStatus.Accepted, zhAction, enAction);
        var item = current.Items[code];
        if (!item.InProgress)
            throw new CaseRuleViolation(item.Status == ItemStatus.Waiting ? "item-waiting" : "item-wrong-status",
                $"事项 {code} 的状态为 {item.Status}，不在办理中", $"item {code} is {item.Status}, not in progress, so you cannot {enAction} it");
        return item;
    }

    private static CaseRuleViolation ClaimedByOther(string item, string claimer) =>
        new("item-claimed", $"事项 {item} 已由 {claimer} 认领办理", $"item {item} is claimed by {claimer}");
}
