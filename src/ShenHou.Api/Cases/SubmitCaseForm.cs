using ShenHou.Domain.Cases;
using ShenHou.Domain.People;

namespace ShenHou.Api.Cases;

// The Annex 1 form as it arrives. Everything is nullable so that a missing field is reported by
// name (400 with its JSON path) instead of failing deserialisation.

/// <summary>The one application form (Annex 1 申请表).</summary>
/// <param name="RegionCode" example="620100">GB/T 2260 code of the region that handles the case.</param>
/// <param name="Channel">How the form was filed.</param>
/// <param name="Items">The affairs that apply to this death (按需组合).</param>
/// <param name="Assistance">Required with channel <c>Assisted</c> (帮办代办), refused otherwise.</param>
public sealed record SubmitCase(
    string? RegionCode,
    Channel? Channel,
    List<string?>? Items,
    ApplicantForm? Applicant,
    DeceasedForm? Deceased,
    PayoutAccountForm? PayoutAccount,
    HeirAccountForm? HeirAccount,
    AssistanceForm? Assistance = null);

/// <summary>帮办代办: who files for the family, for whom, and the family's consent.</summary>
/// <param name="StaffId" example="window-620100-07">The staff member filing.</param>
/// <param name="OnBehalfOf" example="张伟">The family member who asked for help.</param>
/// <param name="ConsentReference" example="授权委托书 620100-2026-000123">The family's signed consent (its number or reference).</param>
public sealed record AssistanceForm(string? StaffId, string? StaffName, string? OnBehalfOf, string? ConsentReference);

/// <summary>申请人.</summary>
/// <param name="IdNumber" example="11010519491231002X">18-character GB 11643 citizen ID number; a lower-case x is accepted.</param>
/// <param name="Phone" example="13800138000">Mainland China mobile number.</param>
public sealed record ApplicantForm(
    string? Name,
    Gender? Gender,
    string? Ethnicity,
    string? IdNumber,
    string? Phone,
    Relationship? Relationship,
    string? ResidentialAddress,
    string? HouseholdAddress);

/// <summary>已故人.</summary>
/// <param name="Employer">工作单位; may be empty (retired, or none).</param>
/// <param name="DiedAt" example="2026-11-30T08:00:00+08:00">Time of death, with offset.</param>
public sealed record DeceasedForm(
    string? Name,
    Gender? Gender,
    string? Ethnicity,
    string? Employer,
    string? IdNumber,
    string? HouseholdAddress,
    DateTimeOffset? DiedAt,
    string? PlaceOfDeath);

/// <summary>The deceased's social security card account (or another bank card of theirs).</summary>
/// <param name="BankCode" example="102821000016">The 12-digit bank code (银行行号, CNAPS).</param>
public sealed record PayoutAccountForm(string? HolderName, string? BankName, string? AccountNumber, string? BankCode);

/// <summary>The heir's or legatee's Class I debit account (housing fund withdrawal).</summary>
public sealed record HeirAccountForm(string? AccountNumber, string? BankName);

/// <summary>The answer to a submission.</summary>
/// <param name="CaseNumber" example="620100-20261204-00017">Region, local date, daily sequence.</param>
public sealed record CaseCreated(Guid Id, string CaseNumber, long Version)
    : Wolverine.Http.CreationResponse($"/api/cases/{Id}");
