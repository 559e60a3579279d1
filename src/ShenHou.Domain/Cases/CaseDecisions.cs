using ShenHou.Domain.Calendar;
using ShenHou.Domain.Compression;

namespace ShenHou.Domain.Cases;

/// <summary>Acceptance, the departments' work and the end of a case.</summary>
public static partial class CaseDecisions
{
    /// <summary>受理: every material to hand in is verified; items with nothing to wait for go to their departments.</summary>
    public static IReadOnlyList<object> Accept(Case current, Stamp stamp, WorkingCalendar calendar)
    {
        RequireStatus(current, CaseStatus.Submitted, "受理", "accept the case");
        var missing = current.Materials
            .Where(m => m.Value.HandIn && m.Value.Status != MaterialStatus.Verified)
            .Select(m => m.Key).ToArray();
        if (missing.Length > 0)
            throw new CaseRuleViolation("materials-not-verified",
                $"以下材料尚未核验通过：{string.Join("、", missing)}",
                $"these materials are not verified yet: {string.Join(", ", missing)}");

        var due = calendar.DueAfter(stamp.At, ChainDays(current, extra: null));
        var events = new List<object> { new CaseAccepted(current.Id, due.DueAt, due.Confirmed, stamp.Actor, stamp.At) };
        events.AddRange(current.Items.Keys
            .Where(code => !current.Blocking(code).Any())
            .Select(code => Transfer(current, code, stamp, calendar)));
        return events;
    }

    public static IReadOnlyList<object> Decide(Case current, string item, bool approved, string? reason, Stamp stamp)
    {
        var state = RequireItem(current, item, ItemStatus.Transferred, "审批", "decide", stamp);
        if (approved)
            return [new ItemApproved(current.Id, item, reason, stamp.Actor, stamp.At)];

        var events = new List<object> { new ItemRejected(current.Id, item, reason!, null, stamp.Actor, stamp.At) };
        state[item] = ItemStatus.Rejected;
        CloseDependentsOf(current, item, state, events, stamp);
        AddReadyIfFinished(current, state, events, stamp);
        return events;
    }

    /// <summary>Issuing a result may release the items that wait for what it produced.</summary>
    public static IReadOnlyList<object> Issue(Case current, string item, string reference, Stamp stamp, WorkingCalendar calendar)
    {
        var state = RequireItem(current, item, ItemStatus.Approved, "出证", "issue", stamp);
        var events = new List<object> { new ItemIssued(current.Id, item, reference, stamp.Actor, stamp.At) };
        state[item] = ItemStatus.Issued;
        ReleaseWaiting(current, state, events, stamp, calendar);
        AddReadyIfFinished(current, state, events, stamp);
        return events;
    }

    /// <summary>
    /// A material the case would produce came another way: the items needing it stop waiting for
    /// its producer, and no longer fall if the producer is rejected.
    /// </summary>
    public static IReadOnlyList<object> SupplyOtherwise(
        Case current, string material, string reference, string reason, Stamp stamp, WorkingCalendar calendar)
    {
        if (current.Status is not (CaseStatus.Submitted or CaseStatus.AwaitingCorrection or CaseStatus.Accepted))
            throw Wrong(current, "另行提供材料", "supply a material otherwise");
        if (!current.Items.Values.Any(i => i.Produces?.Contains(material) == true && !i.IsFinal) || current.SuppliedOtherwise.Contains(material))
            throw new CaseRuleViolation("material-not-awaited",
                $"本办件没有正在等待的材料 {material}", $"no item of this case is still waiting to produce {material}");

        if (current.Status != CaseStatus.Accepted)
            return [new MaterialSuppliedOtherwise(current.Id, material, reference, reason, stamp.Actor, stamp.At)];

        var after = Preview(current, c => c.SuppliedOtherwise.Add(material));
        var caseDue = calendar.DueAfter(current.AcceptedAt!.Value, ChainDays(after, extra: null));
        var events = new List<object>
        {
            new MaterialSuppliedOtherwise(current.Id, material, reference, reason, stamp.Actor, stamp.At, caseDue.DueAt, caseDue.Confirmed),
        };
        ReleaseWaiting(after, after.Items.ToDictionary(i => i.Key, i => i.Value.Status), events, stamp, calendar);
        return events;
    }

    public static CaseDelivered Deliver(Case current, DeliveryMethod method, Stamp stamp, WorkingCalendar calendar)
    {
        RequireStatus(current, CaseStatus.ReadyForDelivery, "出件", "deliver the results");
        // Counted like a time limit: from the day after submission; pauses only inside that window.
        var clockStart = ChinaStandardTime.StartOf(ChinaStandardTime.DayOf(current.SubmittedAt).AddDays(1));
        var waiting = current.ApplicantWaits.Sum(w =>
            calendar.WorkingTimeBetween(w.From > clockStart ? w.From : clockStart, w.To ?? stamp.At));
        var elapsed = calendar.WorkingDaysBetween(current.SubmittedAt, stamp.At) - waiting;
        var actual = Math.Max(1, (int)Math.Ceiling(Math.Round(elapsed, 6)));
        return new CaseDelivered(current.Id, method, actual, Math.Round(waiting, 3), stamp.Actor, stamp.At);
    }

    public static CaseWithdrawn Withdraw(Case current, string reason, Stamp stamp)
    {
        if (current.Status is not (CaseStatus.Submitted or CaseStatus.AwaitingCorrection or CaseStatus.Accepted))
            throw new CaseRuleViolation("case-not-open",
                $"办件状态为 {current.Status}，已不能撤回",
                $"the case is {current.Status} and can no longer be withdrawn");
        var open = current.Items.Where(i => !i.Value.IsFinal).Select(i => i.Key).ToArray();
        return new CaseWithdrawn(current.Id, reason, open, stamp.Actor, stamp.At);
    }

    private static ItemTransferred Transfer(Case current, string code, Stamp stamp, WorkingCalendar calendar)
    {
        var item = current.Items[code];
        var days = item.TimeLimitWorkingDays + item.ExtraWorkingDays;
        var due = calendar.DueAfter(stamp.At, days);
        return new ItemTransferred(current.Id, current.CaseNumber, current.RegionCode, code, item.Department,
            calendar.AtFraction(stamp.At, days, DeadlineWarning), due.DueAt, due.Confirmed, stamp.Actor, stamp.At);
    }

    /// <summary>The share of an item's time limit after which it counts as approaching its deadline.</summary>
    public const double DeadlineWarning = 0.75;

    /// <summary>Working days along the longest chain of what items still wait for, with extensions.</summary>
    private static int ChainDays(Case current, (string Item, int Days)? extra) =>
        CompressionFigures.LongestChain(current.Items.Select(i => new PlannedItem(i.Key, i.Value.Department,
            i.Value.TimeLimitWorkingDays + i.Value.ExtraWorkingDays + (extra?.Item == i.Key ? extra.Value.Days : 0),
            i.Value.Requires, current.Blocking(i.Key).ToArray())).ToArray());

    private static void ReleaseWaiting(
        Case current, Dictionary<string, ItemStatus> state, List<object> events, Stamp stamp, WorkingCalendar calendar)
    {
        foreach (var code in current.Items.Keys)
        {
            if (state[code] != ItemStatus.Waiting || !current.Blocking(code).All(w => state[w] == ItemStatus.Issued)) continue;
            events.Add(Transfer(current, code, stamp, calendar));
            state[code] = ItemStatus.Transferred;
        }
    }

    /// <summary>Items that can never get the material a rejected item would have produced are closed too.</summary>
    private static void CloseDependentsOf(
        Case current, string rejected, Dictionary<string, ItemStatus> state, List<object> events, Stamp stamp)
    {
        foreach (var code in current.Items.Keys)
        {
            if (state[code] != ItemStatus.Waiting || !current.Blocking(code).Contains(rejected)) continue;
            state[code] = ItemStatus.Rejected;
            events.Add(new ItemRejected(current.Id, code,
                $"前置事项 {rejected} 未通过 / prerequisite {rejected} was rejected", rejected, stamp.Actor, stamp.At));
            CloseDependentsOf(current, code, state, events, stamp);
        }
    }

    private static void AddReadyIfFinished(
        Case current, Dictionary<string, ItemStatus> state, List<object> events, Stamp stamp)
    {
        if (state.Values.All(s => s is ItemStatus.Issued or ItemStatus.Rejected))
            events.Add(new CaseReadyForDelivery(current.Id, stamp.Actor, stamp.At));
    }

    /// <summary>A copy of the case with a change applied, to decide on what it would be.</summary>
    private static Case Preview(Case current, Action<Case> change)
    {
        var copy = new Case
        {
            Id = current.Id, CaseNumber = current.CaseNumber, RegionCode = current.RegionCode, Status = current.Status,
            AcceptedAt = current.AcceptedAt, Items = current.Items, Materials = current.Materials,
            SuppliedOtherwise = [.. current.SuppliedOtherwise],
        };
        change(copy);
        return copy;
    }
}
