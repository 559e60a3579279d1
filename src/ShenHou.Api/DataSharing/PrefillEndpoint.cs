using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ShenHou.Api.Access;
using ShenHou.Api.Infrastructure;
using ShenHou.Api.Privacy;
using ShenHou.Domain.People;
using Wolverine.Http;

namespace ShenHou.Api.DataSharing;

/// <summary>What the population registry knows about a person, to pre-fill Annex 1.</summary>
/// <param name="IdNumber">Normalised (upper-case X).</param>
/// <param name="Source">The registry that answered, as <see cref="RegistryNames"/> spells it.</param>
public sealed record PrefillAnswer(
    string IdNumber, string Name, Gender Gender, string Ethnicity, string HouseholdAddress, bool Deceased, string Source);

/// <summary>智能预填: the form fills itself from the population registry.</summary>
public static class PrefillEndpoint
{
    public static ProblemDetails Validate(string? idNumber) =>
        CitizenId.Check(idNumber) is { IsValid: false } check
            ? Problems.Validation("idNumber", check.Message!)
            : WolverineContinue.NoProblems;

    /// <summary>
    /// The name, gender, ethnicity and household address the population registry holds for a citizen ID
    /// number, and whether it records the person as deceased. 503 when the registry cannot be reached:
    /// the form can still be filled in by hand.
    /// </summary>
    [Authorize(Roles = Roles.Window)]
    [WolverineGet("/api/prefill", OperationId = "Prefill"), Tags("Intake")]
    [ProducesResponseType<PrefillAnswer>(StatusCodes.Status200OK)]
    [ProducesResponseType<HttpValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status503ServiceUnavailable, "application/problem+json")]
    public static async Task<PrefillAnswer> Get(string? idNumber, IPopulationRegistry registry, AccessLog log,
        HttpContext http, CancellationToken ct)
    {
        var id = CitizenId.Check(idNumber).Id ?? throw new InvalidOperationException("Validate lets only valid numbers through");
        // Masked in the message: problem details are logged, ID numbers must not be.
        var person = await registry.FindAsync(id.Value, ct)
            ?? throw new NotFoundException($"人口库中没有公民身份号码 {id.Masked} 的记录",
                $"the population registry has no record of citizen ID number {id.Masked}");
        var reader = StaffMember.Of(http);
        await log.Record(http, reader, ["registry.population"], null, null, reader.RegionCode, ct);
        return new PrefillAnswer(id.Value, person.Name, person.Gender, person.Ethnicity, person.HouseholdAddress,
            person.Deceased, RegistryNames.Population);
    }
}

/// <summary>The problem a caller sees when a registry cannot answer (never a 500).</summary>
internal static class RegistryProblems
{
    public static ProblemDetails Unavailable(RegistryUnavailableException e) => new()
    {
        Status = StatusCodes.Status503ServiceUnavailable,
        Title = "共享数据暂不可用 / Shared data is unavailable",
        Detail = $"{Chinese(e.Registry)}暂时无法查询，请稍后重试或手工填写 / the {English(e.Registry)} cannot be "
                 + $"queried right now ({e.Reason}); retry later or fill in the form by hand",
        Type = "https://datatracker.ietf.org/doc/html/rfc9110#section-15.6.4",
        Extensions = { ["registry"] = e.Registry },
    };

    private static string Chinese(string registry) => registry switch
    {
        RegistryNames.Population => "人口库",
        RegistryNames.Death => "电子死亡证明库",
        RegistryNames.SocialSecurity => "社保系统",
        _ => registry,
    };

    private static string English(string registry) => registry switch
    {
        RegistryNames.Population => "population registry",
        RegistryNames.Death => "death registry",
        RegistryNames.SocialSecurity => "social security registry",
        _ => registry,
    };
}
