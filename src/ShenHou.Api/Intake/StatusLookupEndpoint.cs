using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ShenHou.Api.Access;
using ShenHou.Api.Infrastructure;
using ShenHou.Domain.Cases;
using ShenHou.Domain.Catalog;
using ShenHou.Projections.Cases;
using Wolverine.Http;

namespace ShenHou.Api.Intake;

/// <param name="Name" example="居民死亡医学证明（推断）书">The item's display name.</param>
public sealed record ItemProgress(string Code, string Name, ItemStatus Status, DateTimeOffset? DueAt);

/// <summary>What the hotline may tell a caller about their case: progress, never personal data.</summary>
public sealed record CaseStatusAnswer(
    string CaseNumber, CaseStatus Status, DateTimeOffset SubmittedAt, DateTimeOffset? DueAt,
    DateTimeOffset? ReadyForDeliveryAt, DateTimeOffset? DeliveredAt, IReadOnlyList<ItemProgress> Items);

public static class StatusLookupEndpoint
{
    public static ProblemDetails Validate(string? caseNumber, string? phoneLast4)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(caseNumber) || caseNumber.Length > 40)
            errors["caseNumber"] = ["必填，办件编号 / required: the case number"];
        if (phoneLast4 is not { Length: 4 } || !phoneLast4.All(char.IsAsciiDigit))
            errors["phoneLast4"] = ["须为申请人手机号后四位数字 / must be the last four digits of the applicant's phone"];
        return errors.Count == 0 ? WolverineContinue.NoProblems : Problems.Validation(errors);
    }

    /// <summary>
    /// 12345 热线: a case's progress by its number and the last four digits of the applicant's phone.
    /// A wrong pair answers the same 404 as an unknown number, so neither can be guessed apart.
    /// </summary>
    [Authorize(Roles = Roles.Hotline)]
    [WolverineGet("/api/status", OperationId = "LookUpCaseStatus"), Tags("Intake")]
    [ProducesResponseType<CaseStatusAnswer>(StatusCodes.Status200OK)]
    public static async Task<CaseStatusAnswer> Get(string caseNumber, string phoneLast4, IQuerySession session,
        ServiceCatalog catalog, HttpContext http, CancellationToken ct)
    {
        var number = caseNumber.Trim();
        var found = await session.Query<CaseDetails>().Where(c => c.CaseNumber == number).SingleOrDefaultAsync(ct);
        if (found is null || !found.Applicant.Phone.EndsWith(phoneLast4, StringComparison.Ordinal)
            || !StaffMember.Of(http).Covers(found.RegionCode))
            throw new NotFoundException("没有与该办件编号和手机号后四位相符的办件",
                "no case matches this case number and these last four phone digits");
        return new CaseStatusAnswer(found.CaseNumber, found.Status, found.SubmittedAt, found.DueAt, found.ReadyForDeliveryAt,
            found.DeliveredAt, found.Items.Select(i => new ItemProgress(i.Code,
                catalog.HasItem(i.Code) ? catalog.Item(i.Code).Name : i.Code, i.Status, i.DueAt)).ToArray());
    }
}
