using ShenHou.Api.Cases;
using ShenHou.Domain.Cases;
using ShenHou.Domain.People;

namespace ShenHou.Tests.Support;

/// <summary>Valid Annex 1 forms to start from; tests change one thing at a time.</summary>
public static class Forms
{
    public static readonly string ApplicantId = CitizenId.Compose("620102", new DateOnly(1980, 1, 1), 17);   // male
    public static readonly string DeceasedId = CitizenId.Compose("620102", new DateOnly(1950, 3, 8), 22);    // female

    public static ApplicantForm Applicant() => new("张伟", Gender.Male, "汉族", ApplicantId, "13800138000",
        Relationship.Child, "甘肃省兰州市城关区庆阳路1号", "甘肃省兰州市城关区庆阳路1号");

    public static DeceasedForm Deceased() => new("王秀英", Gender.Female, "汉族", "兰州市某机械厂", DeceasedId,
        "甘肃省兰州市城关区庆阳路1号", new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.FromHours(8)),
        "兰州大学第一医院");

    public static PayoutAccountForm Payout() => new("王秀英", "中国工商银行兰州庆阳路支行", "6222021234567890123", "102821000016");

    public static HeirAccountForm Heir() => new("6222029876543210987", "中国建设银行兰州分行");

    public static SubmitCase For(params string[] items) =>
        new("620100", Channel.Window, items.Select(i => (string?)i).ToList(), Applicant(), Deceased(), Payout(), Heir());

    public static readonly string[] AllItems =
    [
        "DEATH_CERT", "CREMATION_CERT", "HUKOU_CANCEL", "PENSION_ACCOUNT_LUMP_SUM", "PENSION_SURVIVOR_BENEFIT",
        "RESIDENT_PENSION_CANCEL", "MEDICAL_ACCOUNT_WITHDRAWAL", "HOUSING_FUND_WITHDRAWAL", "WILL_NOTARY_CHECK",
        "DRIVING_LICENSE_CANCEL", "EQUITY_HEIR_QUERY", "SOCIAL_SECURITY_CARD_INFO", "INHERITANCE_NOTARIZATION",
        "SMALL_DEPOSIT_WITHDRAWAL",
    ];
}
