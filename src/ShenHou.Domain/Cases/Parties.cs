using ShenHou.Domain.People;

namespace ShenHou.Domain.Cases;

/// <summary>申请人: the family member who files (Annex 1).</summary>
public sealed record Applicant(
    string Name,
    Gender Gender,
    string Ethnicity,
    string IdNumber,
    string Phone,
    Relationship Relationship,
    string ResidentialAddress,
    string HouseholdAddress);

/// <summary>已故人 (Annex 1).</summary>
public sealed record Deceased(
    string Name,
    Gender Gender,
    string Ethnicity,
    string? Employer,
    string IdNumber,
    string HouseholdAddress,
    DateTimeOffset DiedAt,
    string PlaceOfDeath);

/// <summary>The deceased's social security card account, or another bank card of theirs.</summary>
public sealed record PayoutAccount(string HolderName, string BankName, string AccountNumber, string BankCode);

/// <summary>The heir's or legatee's Class I debit account for the housing fund.</summary>
public sealed record HeirAccount(string AccountNumber, string BankName);

/// <summary>帮办代办: the staff member who filed for the family, for whom, and the family's consent.</summary>
public sealed record Assistance(string StaffId, string? StaffName, string OnBehalfOf, string ConsentReference);
