using ShenHou.Domain.Calendar;

namespace ShenHou.Domain.Cases;

/// <summary>What a department's own platform reports for one of its items.</summary>
public enum DepartmentOutcome { Approved, Rejected, Issued }

/// <summary>Results that come back from the departments' own platforms.</summary>
public static partial class CaseDecisions
{
    /// <summary>
    /// A department platform's result: the same decision its reviewers would make, under the
    /// platform's name. A platform speaks only for its own department's items, and one result is one
    /// step: an item is approved (or rejected) before its result is issued.
    /// </summary>
    public static IReadOnlyList<object> RecordDepartmentResult(Case current, string department, string item,
        DepartmentOutcome outcome, string? reason, string? reference, Stamp stamp, WorkingCalendar calendar)
    {
        if (current.Items[item].Department != department)
            throw new CaseRuleViolation("item-of-another-department",
                $"事项 {item} 由 {current.Items[item].Department} 办理，不属于 {department}",
                $"item {item} belongs to {current.Items[item].Department}, not {department}");
        return outcome switch
        {
            DepartmentOutcome.Approved => Decide(current, item, true, reason, stamp),
            DepartmentOutcome.Rejected => Decide(current, item, false, reason, stamp),
            _ => Issue(current, item, reference!, stamp, calendar),
        };
    }
}
