using System.Text.RegularExpressions;
using ShenHou.Api.Infrastructure;
using ShenHou.Domain.Calendar;
using ShenHou.Domain.Cases;
using ShenHou.Domain.Catalog;
using ShenHou.Domain.People;

namespace ShenHou.Api.Cases;

/// <summary>
/// The Annex 1 rules, checked at the edge before anything is written. Each failure is keyed by the
/// field's JSON path and names the rule in Chinese and English.
/// </summary>
internal sealed partial class SubmitCaseRules(ServiceCatalog catalog, DateTimeOffset now)
{
    private const int MaxText = 200;
    private readonly Dictionary<string, List<string>> _errors = new();

    public IDictionary<string, string[]> Check(SubmitCase? form)
    {
        if (form is null) return Problems.BodyRequired.Errors;
        if (Required("regionCode", form.RegionCode) && !catalog.HasRegion(form.RegionCode!))
            Fail("regionCode", $"未知的行政区划代码 {form.RegionCode} / unknown region code (see GET /api/catalog)");
        if (form.Channel is null) Fail("channel", RequiredRule);
        CheckAssistance(form);
        var items = ItemChoice.Check(catalog, form.Items, Fail);

        var applicantId = CheckApplicant(form.Applicant);
        var deceasedId = CheckDeceased(form.Deceased);
        if (applicantId is not null && applicantId == deceasedId)
            Fail("applicant.idNumber", "申请人与已故人的身份号码不能相同 / the applicant and the deceased cannot share an ID number");

        CheckAccounts(form, items);
        return _errors.ToDictionary(e => e.Key, e => e.Value.ToArray());
    }

    private void CheckAssistance(SubmitCase form)
    {
        if (form.Channel != Channel.Assisted)
        {
            if (form.Assistance is not null)
                Fail("assistance", "仅帮办代办渠道（Assisted）填写 / only for channel Assisted");
            return;
        }
        if (form.Assistance is not { } a)
        {
            Fail("assistance", "帮办代办须写明经办人、委托人和授权凭证 / assisted filing needs the staff member, for whom, and the family's consent");
            return;
        }
        Text("assistance.staffId", a.StaffId);
        Text("assistance.onBehalfOf", a.OnBehalfOf);
        Text("assistance.consentReference", a.ConsentReference);
        if (a.StaffName is { Length: > MaxText }) Fail("assistance.staffName", TooLongRule);
    }

    private string? CheckApplicant(ApplicantForm? a)
    {
        if (a is null) { Fail("applicant", RequiredRule); return null; }
        Text("applicant.name", a.Name);
        if (a.Gender is null) Fail("applicant.gender", RequiredRule);
        Text("applicant.ethnicity", a.Ethnicity);
        if (a.Relationship is null) Fail("applicant.relationship", RequiredRule);
        Text("applicant.residentialAddress", a.ResidentialAddress);
        Text("applicant.householdAddress", a.HouseholdAddress);
        if (Required("applicant.phone", a.Phone) && !MobilePhone.IsValid(a.Phone))
            Fail("applicant.phone", MobilePhone.Rule);
        var id = CitizenIdOf("applicant", a.IdNumber, a.Gender);
        if (id is { } living && living.BirthDate > ChinaStandardTime.DayOf(now))
            Fail("applicant.idNumber", "出生日期不能晚于今天 / the birth date in the ID number is in the future");
        return id?.Value;
    }

    private string? CheckDeceased(DeceasedForm? d)
    {
        if (d is null) { Fail("deceased", RequiredRule); return null; }
        Text("deceased.name", d.Name);
        if (d.Gender is null) Fail("deceased.gender", RequiredRule);
        Text("deceased.ethnicity", d.Ethnicity);
        Text("deceased.householdAddress", d.HouseholdAddress);
        Text("deceased.placeOfDeath", d.PlaceOfDeath);
        if (d.Employer is { Length: > MaxText }) Fail("deceased.employer", TooLongRule);
        var id = CitizenIdOf("deceased", d.IdNumber, d.Gender);
        if (d.DiedAt is null) Fail("deceased.diedAt", RequiredRule);
        else if (d.DiedAt > now)
            Fail("deceased.diedAt", "死亡时间不能晚于当前时间 / the time of death cannot be in the future");
        else if (id is { } dead && ChinaStandardTime.DayOf(d.DiedAt.Value) < dead.BirthDate)
            Fail("deceased.diedAt", "死亡时间不能早于身份号码中的出生日期 / the time of death cannot be before the birth date in the ID number");
        return id?.Value;
    }

    private CitizenId? CitizenIdOf(string prefix, string? raw, Gender? gender)
    {
        var field = $"{prefix}.idNumber";
        if (!Required(field, raw)) return null;
        var check = CitizenId.Check(raw);
        if (!check.IsValid) { Fail(field, check.Message!); return null; }
        var id = check.Id!.Value;
        if (gender is not null && id.Gender != gender)
            Fail($"{prefix}.gender",
                $"性别与身份号码第17位（奇数为男，偶数为女）不符 / gender does not match the ID number's sequence digit (odd = Male, even = Female): the number says {id.Gender}");
        return id;
    }

    private void CheckAccounts(SubmitCase form, IReadOnlyList<string> items)
    {
        var needs = items.Select(i => catalog.Item(i)).Where(i => i.Account is not null)
            .GroupBy(i => i.Account!.Value).ToDictionary(g => g.Key, g => string.Join(", ", g.Select(i => i.Code)));

        if (form.PayoutAccount is { } p)
        {
            Text("payoutAccount.holderName", p.HolderName);
            Text("payoutAccount.bankName", p.BankName);
            Account("payoutAccount.accountNumber", p.AccountNumber);
            if (Required("payoutAccount.bankCode", p.BankCode) && !BankCode().IsMatch(p.BankCode!))
                Fail("payoutAccount.bankCode", "银行行号须为12位数字 / the bank code (CNAPS) has 12 digits");
        }
        else if (needs.TryGetValue(AccountSection.Payout, out var payoutItems))
            Fail("payoutAccount", $"所选事项 {payoutItems} 需要已故人的待遇发放账户 / the items {payoutItems} need the deceased's payout account");

        if (form.HeirAccount is { } h)
        {
            Account("heirAccount.accountNumber", h.AccountNumber);
            Text("heirAccount.bankName", h.BankName);
        }
        else if (needs.TryGetValue(AccountSection.Heir, out var heirItems))
            Fail("heirAccount", $"所选事项 {heirItems} 需要继承人的一类借记账户 / the items {heirItems} need the heir's Class I debit account");
    }

    private void Account(string field, string? value)
    {
        if (Required(field, value) && !AccountNumber().IsMatch(value!))
            Fail(field, "账号须为8至32位数字 / an account number has 8 to 32 digits");
    }

    private void Text(string field, string? value)
    {
        if (Required(field, value) && value!.Length > MaxText) Fail(field, TooLongRule);
    }

    private bool Required(string field, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value)) return true;
        Fail(field, RequiredRule);
        return false;
    }

    private void Fail(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list)) _errors[field] = list = [];
        list.Add(message);
    }

    private const string RequiredRule = "必填 / required";
    private const string TooLongRule = "不能超过200个字符 / at most 200 characters";

    [GeneratedRegex(@"^\d{12}$")] private static partial Regex BankCode();
    [GeneratedRegex(@"^\d{8,32}$")] private static partial Regex AccountNumber();
}
