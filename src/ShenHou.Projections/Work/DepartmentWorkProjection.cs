using Marten.Events.Projections;
using ShenHou.Domain.Cases;

namespace ShenHou.Projections.Work;

/// <summary>Builds <see cref="DepartmentWorkItem"/> rows from the item events of every case.</summary>
public sealed class DepartmentWorkProjection : MultiStreamProjection<DepartmentWorkItem, string>
{
    public DepartmentWorkProjection()
    {
        Identity<ItemTransferred>(e => DepartmentWorkItem.Key(e.CaseId, e.ItemCode));
        Identity<ItemClaimed>(e => DepartmentWorkItem.Key(e.CaseId, e.ItemCode));
        Identity<ItemReleased>(e => DepartmentWorkItem.Key(e.CaseId, e.ItemCode));
        Identity<ItemApproved>(e => DepartmentWorkItem.Key(e.CaseId, e.ItemCode));
        Identity<ItemIssued>(e => DepartmentWorkItem.Key(e.CaseId, e.ItemCode));
        Identity<ItemOverdue>(e => DepartmentWorkItem.Key(e.CaseId, e.ItemCode));
        Identity<ItemDeadlineApproaching>(e => DepartmentWorkItem.Key(e.CaseId, e.ItemCode));
        Identity<ItemDeadlineExtended>(e => DepartmentWorkItem.Key(e.CaseId, e.ItemCode));
        Identity<ItemRejected>(e => DepartmentWorkItem.Key(e.CaseId, e.ItemCode));
        Identities<CaseWithdrawn>(e => e.OpenItems.Select(i => DepartmentWorkItem.Key(e.CaseId, i)).ToArray());
    }

    public DepartmentWorkItem Create(ItemTransferred e) => new()
    {
        Id = DepartmentWorkItem.Key(e.CaseId, e.ItemCode), CaseId = e.CaseId, CaseNumber = e.CaseNumber,
        RegionCode = e.RegionCode, ItemCode = e.ItemCode, Department = e.Department, Status = ItemStatus.Transferred,
        Open = true, TransferredAt = e.At, WarnAt = e.WarnAt, DueAt = e.DueAt, DueConfirmed = e.DueConfirmed,
    };

    public void Apply(ItemClaimed e, DepartmentWorkItem row) => row.ClaimedBy = e.Reviewer;
    public void Apply(ItemReleased e, DepartmentWorkItem row) => row.ClaimedBy = null;
    public void Apply(ItemApproved e, DepartmentWorkItem row) => row.Status = ItemStatus.Approved;
    public void Apply(ItemOverdue e, DepartmentWorkItem row) => row.OverdueSince = e.At;
    public void Apply(ItemDeadlineApproaching e, DepartmentWorkItem row) => row.ApproachingRecorded = true;

    public void Apply(ItemDeadlineExtended e, DepartmentWorkItem row)
    {
        row.ExtraWorkingDays += e.ExtraWorkingDays;
        row.WarnAt = e.WarnAt;
        row.DueAt = e.DueAt;
        row.DueConfirmed = e.DueConfirmed;
        row.OverdueSince = null;
        row.ApproachingRecorded = false;
    }

    public void Apply(ItemIssued e, DepartmentWorkItem row) => Close(row, ItemStatus.Issued, e.At);
    public void Apply(ItemRejected e, DepartmentWorkItem row) => Close(row, ItemStatus.Rejected, e.At);
    public void Apply(CaseWithdrawn e, DepartmentWorkItem row) => Close(row, row.Status, e.At);

    // An item closed while still waiting never reached the department: there is no row to keep.
    public bool ShouldDelete(ItemRejected e, DepartmentWorkItem row) => row.TransferredAt == default;
    public bool ShouldDelete(CaseWithdrawn e, DepartmentWorkItem row) => row.TransferredAt == default;

    private static void Close(DepartmentWorkItem row, ItemStatus status, DateTimeOffset at)
    {
        row.Status = status;
        row.Open = false;
        row.ClaimedBy = null;
        row.FinishedAt = at;
    }
}
