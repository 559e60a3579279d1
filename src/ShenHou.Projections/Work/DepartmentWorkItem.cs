using ShenHou.Domain.Cases;

namespace ShenHou.Projections.Work;

/// <summary>
/// One item in a department's queue (and, when overdue, in the escalations): a row per transferred
/// item, projected inline with the case's events.
/// </summary>
public sealed class DepartmentWorkItem
{
    /// <summary><c>{caseId}:{itemCode}</c>.</summary>
    public string Id { get; set; } = "";
    public Guid CaseId { get; set; }
    public string CaseNumber { get; set; } = "";
    public string RegionCode { get; set; } = "";
    public string ItemCode { get; set; } = "";
    public string Department { get; set; } = "";
    public ItemStatus Status { get; set; }
    /// <summary>True while the department still has work on it (Transferred or Approved, case not withdrawn).</summary>
    public bool Open { get; set; }
    public DateTimeOffset TransferredAt { get; set; }
    public DateTimeOffset WarnAt { get; set; }
    public DateTimeOffset DueAt { get; set; }
    public bool DueConfirmed { get; set; }
    public string? ClaimedBy { get; set; }
    /// <summary>Whether "deadline approaching" was recorded for the current deadline.</summary>
    public bool ApproachingRecorded { get; set; }
    public DateTimeOffset? OverdueSince { get; set; }
    public int ExtraWorkingDays { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }

    public static string Key(Guid caseId, string itemCode) => $"{caseId}:{itemCode}";
}
