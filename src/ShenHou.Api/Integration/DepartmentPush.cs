using JasperFx.Events;
using ShenHou.Domain.Cases;

namespace ShenHou.Api.Integration;

/// <summary>
/// 按责转办 told to the department's own platform: one of its items was transferred to it. Only what
/// routing needs travels (no personal data); the platform answers through <see cref="ResultsPath"/>.
/// </summary>
/// <param name="PushId">The transfer event's id: the same on every retry and replay, so the platform drops repeats.</param>
/// <param name="ResultsPath">Where to post the department's results, relative to the service's address.</param>
public sealed record DepartmentPush(
    Guid PushId, Guid CaseId, string CaseNumber, string RegionCode, string ItemCode, string Department,
    DateTimeOffset TransferredAt, DateTimeOffset DueAt, bool DueConfirmed, string ResultsPath)
{
    public static DepartmentPush From(IEvent e, ItemTransferred t) => new(
        e.Id, t.CaseId, t.CaseNumber, t.RegionCode, t.ItemCode, t.Department, t.At, t.DueAt, t.DueConfirmed,
        $"/api/integration/departments/{t.Department}/results");
}
