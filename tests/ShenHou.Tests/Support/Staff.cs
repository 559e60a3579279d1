using Alba;
using ShenHou.Api.Access;
using ShenHou.Domain.Catalog;

namespace ShenHou.Tests.Support;

/// <summary>
/// Who a test request comes from. Tests sign real tokens with the key <see cref="AppFixture"/>
/// gives the host, so every request passes the same authentication and authorization as in
/// production. Unless a test is about jurisdiction, staff hold the province's scope.
/// </summary>
public sealed record Staff(string UserId, string Role, string? Department = null, string Region = Staff.Province)
{
    public const string Province = "620000";
    public const string SigningKey = "shenhou-tests-signing-key-0123456789abcdef";

    private static readonly TokenIssuer Issuer = new(new AuthOptions { SigningKey = SigningKey });
    private static readonly ServiceCatalog Catalog = ServiceCatalog.LoadEmbedded();

    public static Staff Window(string userId = CaseApi.Actor, string region = Province) => new(userId, Roles.Window, null, region);
    public static Staff Reviewer(string department, string? userId = null, string region = Province) =>
        new(userId ?? $"reviewer-{department}", Roles.DepartmentReviewer, department, region);
    /// <summary>A reviewer of the department that handles <paramref name="item"/>.</summary>
    public static Staff ReviewerOf(string item, string? userId = null, string region = Province) =>
        Reviewer(Catalog.Item(item).Department, userId ?? $"reviewer-{item}", region);
    public static Staff Supervisor(string region = Province) => new("supervisor-01", Roles.Supervisor, null, region);
    public static Staff Auditor(string region = Province) => new("auditor-01", Roles.Auditor, null, region);
    public static Staff Hotline(string region = Province) => new("hotline-01", Roles.Hotline, null, region);

    public string Token => Issuer.For(UserId, Role, Department, Region);
}

public static class StaffScenarios
{
    public static Scenario As(this Scenario scenario, Staff staff)
    {
        scenario.WithBearerToken(staff.Token);
        return scenario;
    }
}
