using ShenHou.Api.Access;
using ShenHou.Domain.Catalog;
using ShenHou.Domain.People;
using ShenHou.Projections.Cases;

namespace ShenHou.Api.Privacy;

/// <summary>
/// What each role sees of a case. The window that serves the family sees it whole; a department
/// reviewer sees only its own items, the materials they need, the deceased and the applicant, and
/// the account its items pay into; supervisors and auditors see personal data masked. Every full
/// value shown is named in <see cref="Shown.Fields"/> for the access log.
/// </summary>
public static class CaseViews
{
    public const string ApplicantIdNumber = "applicant.idNumber";
    public const string ApplicantPhone = "applicant.phone";
    public const string DeceasedIdNumber = "deceased.idNumber";
    public const string PayoutAccountNumber = "payoutAccount.accountNumber";
    public const string HeirAccountNumber = "heirAccount.accountNumber";

    public sealed record Shown(CaseDetails Details, IReadOnlyList<string> Fields);

    /// <summary>Shapes <paramref name="details"/> (a copy loaded for this request) for <paramref name="reader"/>.</summary>
    public static Shown For(StaffMember reader, CaseDetails details, ServiceCatalog catalog)
    {
        if (reader.Is(Roles.Window)) return new Shown(details, Present(details));
        if (!reader.Is(Roles.DepartmentReviewer)) return new Shown(Masked(details), []);

        var mine = details.Items.Where(i => i.Department == reader.Department).ToList();
        var codes = mine.Select(i => i.Code).ToHashSet();
        var accounts = mine.Select(i => catalog.HasItem(i.Code) ? catalog.Item(i.Code).Account : null).ToHashSet();
        details.Items = mine;
        details.Materials = details.Materials.Where(m => m.RequiredBy.Any(codes.Contains)).ToList();
        var materials = details.Materials.Select(m => m.Code).ToHashSet();
        details.SuppliedOtherwise = details.SuppliedOtherwise.Where(s => materials.Contains(s.MaterialCode)).ToList();
        foreach (var round in details.Corrections) round.Materials = round.Materials.Where(m => materials.Contains(m.Code)).ToList();
        if (!accounts.Contains(AccountSection.Payout)) details.PayoutAccount = null;
        if (!accounts.Contains(AccountSection.Heir)) details.HeirAccount = null;
        details.Assistance = null;
        return new Shown(details, Present(details));
    }

    public static CaseDetails Masked(CaseDetails details)
    {
        details.Applicant = details.Applicant with
        {
            IdNumber = PersonalData.MaskIdNumber(details.Applicant.IdNumber),
            Phone = PersonalData.MaskPhone(details.Applicant.Phone),
        };
        details.Deceased = details.Deceased with { IdNumber = PersonalData.MaskIdNumber(details.Deceased.IdNumber) };
        if (details.PayoutAccount is { } payout)
            details.PayoutAccount = payout with { AccountNumber = PersonalData.MaskAccount(payout.AccountNumber) };
        if (details.HeirAccount is { } heir)
            details.HeirAccount = heir with { AccountNumber = PersonalData.MaskAccount(heir.AccountNumber) };
        return details;
    }

    private static List<string> Present(CaseDetails details) => Present(details.PayoutAccount is not null, details.HeirAccount is not null);

    /// <summary>The personal data fields of a case with (or without) each account.</summary>
    public static List<string> Present(bool payoutAccount, bool heirAccount)
    {
        List<string> fields = [ApplicantIdNumber, ApplicantPhone, DeceasedIdNumber];
        if (payoutAccount) fields.Add(PayoutAccountNumber);
        if (heirAccount) fields.Add(HeirAccountNumber);
        return fields;
    }
}
