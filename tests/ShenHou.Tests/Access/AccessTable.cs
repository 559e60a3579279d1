using ShenHou.Api.Access;

namespace ShenHou.Tests.Access;

/// <summary>
/// Every route the service maps and the roles it admits: the one table the access tests check the
/// app against. A route the app maps that is missing here (or here and not in the app) fails them.
/// </summary>
public static class AccessTable
{
    public static readonly string[] Anonymous = [];
    private static readonly string[] Any = [.. Roles.All];
    private static readonly string[] Window = [Roles.Window];
    private static readonly string[] Reviewer = [Roles.DepartmentReviewer];
    private static readonly string[] Supervisor = [Roles.Supervisor];
    private static readonly string[] Auditor = [Roles.Auditor];

    public static readonly IReadOnlyDictionary<string, string[]> Routes = new Dictionary<string, string[]>
    {
        ["GET /health/live"] = Anonymous,
        ["GET /health/ready"] = Anonymous,
        ["POST /api/dev/tokens"] = Anonymous,

        ["GET /api/catalog"] = Any,
        ["GET /api/guide/items/{code}"] = Any,
        ["POST /api/notices"] = [Roles.Window, Roles.Hotline],
        ["GET /api/status"] = [Roles.Hotline],
        ["GET /api/prefill"] = Window,

        ["POST /api/cases"] = Window,
        ["GET /api/cases"] = [Roles.Window, Roles.Supervisor],
        ["GET /api/cases/{id}"] = [Roles.Window, Roles.DepartmentReviewer, Roles.Supervisor, Roles.Auditor],
        ["POST /api/cases/{id}/materials/{materialCode}/verification"] = Window,
        ["POST /api/cases/{id}/correction-requests"] = Window,
        ["POST /api/cases/{id}/supplements"] = Window,
        ["POST /api/cases/{id}/acceptance"] = Window,
        ["POST /api/cases/{id}/materials/{materialCode}/supplied-otherwise"] = Window,
        ["POST /api/cases/{id}/delivery"] = Window,
        ["POST /api/cases/{id}/withdrawal"] = Window,

        ["POST /api/cases/{id}/items/{itemCode}/claim"] = Reviewer,
        ["POST /api/cases/{id}/items/{itemCode}/release"] = Reviewer,
        ["POST /api/cases/{id}/items/{itemCode}/decision"] = Reviewer,
        ["POST /api/cases/{id}/items/{itemCode}/issuance"] = Reviewer,
        ["POST /api/cases/{id}/items/{itemCode}/deadline-extensions"] = Reviewer,
        ["GET /api/departments/{code}/queue"] = [Roles.DepartmentReviewer, Roles.Supervisor],

        ["GET /api/escalations"] = Supervisor,
        ["GET /api/reports/compression"] = Supervisor,
        ["GET /api/reports/compression/misses"] = Supervisor,
        ["GET /api/reports/compression/chart.svg"] = Supervisor,

        ["GET /api/cases/{id}/history"] = Auditor,
        ["GET /api/cases/{id}/history/verification"] = Auditor,
        ["GET /api/audit/checkpoints/{date}"] = Auditor,
        ["POST /api/audit/checkpoints/{date}"] = Auditor,
        ["GET /api/audit/access-log"] = Auditor,

        // Department platforms: results are signed with the department's key (HMAC), not a staff token.
        ["POST /api/integration/departments/{code}/results"] = Anonymous,
        ["GET /api/integration/dead-letters"] = Supervisor,
        ["POST /api/integration/dead-letters/{deadLetterId}/replay"] = Supervisor,
    };
}
