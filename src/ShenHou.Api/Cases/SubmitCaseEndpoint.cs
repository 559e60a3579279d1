using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ShenHou.Api.Access;
using ShenHou.Api.Infrastructure;
using ShenHou.Api.Intake;
using ShenHou.Domain.Cases;
using ShenHou.Domain.Catalog;
using ShenHou.Domain.People;
using Wolverine.Http;
using Wolverine.Marten;

namespace ShenHou.Api.Cases;

/// <summary>一次申办: one form, one submission, one case.</summary>
public static class SubmitCaseEndpoint
{
    public static ProblemDetails Validate(SubmitCase? form, ServiceCatalog catalog, ServiceClock clock, HttpContext http)
    {
        var errors = new SubmitCaseRules(catalog, clock.GetUtcNow()).Check(form);
        if (errors.Count > 0) return Problems.Validation(errors);
        // A window files for its own region only.
        var caller = StaffMember.Of(http);
        return caller.Covers(form!.RegionCode!) ? WolverineContinue.NoProblems : AccessProblems.Outside(
            $"本窗口只能受理本地区（{caller.RegionCode}）的办件", $"this window may file cases of its own region ({caller.RegionCode}) only");
    }

    /// <summary>Submit the one application form (Annex 1).</summary>
    [Authorize(Roles = Roles.Window)]
    [WolverinePost("/api/cases", OperationId = "SubmitCase"), Tags("Cases")]
    [ProducesResponseType<CaseCreated>(StatusCodes.Status201Created)]
    public static async Task<(CaseCreated, IStartStream)> Post(
        SubmitCase form, ServiceCatalog catalog, CaseNumbers numbers, SharedDataVerifier verifier,
        ServiceClock clock, HttpContext http, CancellationToken ct)
    {
        var id = Guid.CreateVersion7();
        var caseNumber = await numbers.Next(form.RegionCode!, ct);
        var submitted = CaseDecisions.Submit(catalog, id, caseNumber, form.RegionCode!, form.Channel!.Value,
            form.Items!.Select(i => i!).ToArray(), ToApplicant(form.Applicant!), ToDeceased(form.Deceased!),
            form.PayoutAccount is { } p ? new PayoutAccount(p.HolderName!, p.BankName!, p.AccountNumber!, p.BankCode!) : null,
            form.HeirAccount is { } h ? new HeirAccount(h.AccountNumber!, h.BankName!) : null,
            Stamps.For(http, clock),
            form.Assistance is { } a ? new Assistance(a.StaffId!.Trim(), a.StaffName?.Trim(), a.OnBehalfOf!.Trim(), a.ConsentReference!.Trim()) : null);
        var verified = CaseDecisions.VerifyThroughSharing(submitted, await verifier.Verify(submitted, ct), clock.GetUtcNow());
        return (new CaseCreated(id, caseNumber, 1 + verified.Count),
            MartenOps.StartStream<Case>(id, [submitted, .. verified]));
    }

    // Validation has run: the required values are present and the ID numbers are valid.
    private static Applicant ToApplicant(ApplicantForm a) => new(a.Name!.Trim(), a.Gender!.Value, a.Ethnicity!.Trim(),
        CitizenId.Check(a.IdNumber).Id!.Value.Value, MobilePhone.Normalise(a.Phone)!, a.Relationship!.Value,
        a.ResidentialAddress!.Trim(), a.HouseholdAddress!.Trim());

    private static Deceased ToDeceased(DeceasedForm d) => new(d.Name!.Trim(), d.Gender!.Value, d.Ethnicity!.Trim(),
        string.IsNullOrWhiteSpace(d.Employer) ? null : d.Employer.Trim(), CitizenId.Check(d.IdNumber).Id!.Value.Value,
        d.HouseholdAddress!.Trim(), d.DiedAt!.Value, d.PlaceOfDeath!.Trim());
}
