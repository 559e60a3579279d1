using Marten;
using ShenHou.Api.Access;
using ShenHou.Domain.Cases;
using ShenHou.Domain.Catalog;

namespace ShenHou.Api.Audit;

/// <summary>
/// Stamps every appended event with who caused it (user, role, department, region), the reason it
/// gives and the legal basis of a decision, as Marten event headers. It runs before
/// <see cref="EventHashListener"/>, so the hash covers them. Outside a request (scheduled deadline
/// checks) the user is the system.
/// </summary>
internal sealed class EventMetadataListener(IHttpContextAccessor http, AuthOptions auth, ServiceCatalog catalog)
    : DocumentSessionListenerBase
{
    public const string UserId = "userId";
    public const string Role = "role";
    public const string Department = "department";
    public const string RegionCode = "regionCode";
    public const string Reason = "reason";
    public const string LegalBasis = "legalBasis";

    public override Task BeforeSaveChangesAsync(IDocumentSession session, CancellationToken token)
    {
        var context = http.HttpContext;
        var who = context is null ? StaffMember.System(auth.ProvinceCode) : StaffMember.Of(context);
        foreach (var stream in session.PendingChanges.Streams())
        foreach (var e in stream.Events)
        {
            // Marten fills these from the session at commit too; set now so that the hash sees them.
            e.CorrelationId ??= session.CorrelationId;
            e.CausationId ??= session.CausationId;
            e.SetHeader(UserId, who.UserId);
            e.SetHeader(Role, who.Role);
            if (who.Department is not null) e.SetHeader(Department, who.Department);
            e.SetHeader(RegionCode, who.RegionCode);
            if (e.Data is not ICaseEvent data) continue;
            if (EventRecord.ReasonOf(data) is { } reason) e.SetHeader(Reason, reason);
            if (EventRecord.LegalBasisOf(data, catalog) is { } basis) e.SetHeader(LegalBasis, basis);
        }
        return Task.CompletedTask;
    }
}
