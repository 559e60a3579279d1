using Marten;
using ShenHou.Api.Access;
using ShenHou.Api.Infrastructure;

namespace ShenHou.Api.Privacy;

/// <summary>
/// One read of full personal data (ID numbers, phones, accounts): who, when, which case, which
/// fields, through which route. Never the values themselves.
/// </summary>
public sealed class PersonalDataAccess
{
    public Guid Id { get; set; }
    public DateTimeOffset At { get; set; }
    public string UserId { get; set; } = "";
    public string Role { get; set; } = "";
    public string? Department { get; set; }
    public string UserRegionCode { get; set; } = "";
    public Guid? CaseId { get; set; }
    public string? CaseNumber { get; set; }
    /// <summary>The case's region (for a registry lookup, the caller's).</summary>
    public string RegionCode { get; set; } = "";
    /// <summary>The route read, e.g. <c>GET /api/cases/{id}</c>.</summary>
    public string Route { get; set; } = "";
    public List<string> Fields { get; set; } = [];
    public string? CorrelationId { get; set; }
}

/// <summary>Records reads of full personal data before they are answered, so none goes unlogged.</summary>
public sealed class AccessLog(IDocumentStore store, ServiceClock clock)
{
    public async Task Record(HttpContext http, StaffMember reader, IReadOnlyCollection<string> fields,
        Guid? caseId, string? caseNumber, string regionCode, CancellationToken ct)
    {
        if (fields.Count == 0) return;
        var endpoint = http.GetEndpoint() as RouteEndpoint;
        await using var session = store.LightweightSession();
        session.Store(new PersonalDataAccess
        {
            Id = Guid.CreateVersion7(),
            At = clock.GetUtcNow(),
            UserId = reader.UserId,
            Role = reader.Role,
            Department = reader.Department,
            UserRegionCode = reader.RegionCode,
            CaseId = caseId,
            CaseNumber = caseNumber,
            RegionCode = regionCode,
            Route = $"{http.Request.Method} {endpoint?.RoutePattern.RawText ?? http.Request.Path}",
            Fields = [.. fields],
            CorrelationId = System.Diagnostics.Activity.Current?.RootId ?? http.TraceIdentifier,
        });
        await session.SaveChangesAsync(ct);
    }
}
