using ShenHou.Api.Cases;
using ShenHou.Domain.Cases;
using ShenHou.Domain.Catalog;
using ShenHou.Domain.People;

namespace ShenHou.Benchmarks.Cases;

/// <summary>One made-up application: the parties as the domain records them, and the form that files them over HTTP.</summary>
public sealed record CaseForm(
    string RegionCode, Channel Channel, IReadOnlyList<string> Items, Applicant Applicant, Deceased Deceased,
    PayoutAccount Payout, HeirAccount Heir)
{
    public SubmitCase ToRequest() => new(RegionCode, Channel, Items.Select(i => (string?)i).ToList(),
        new ApplicantForm(Applicant.Name, Applicant.Gender, Applicant.Ethnicity, Applicant.IdNumber, Applicant.Phone,
            Applicant.Relationship, Applicant.ResidentialAddress, Applicant.HouseholdAddress),
        new DeceasedForm(Deceased.Name, Deceased.Gender, Deceased.Ethnicity, Deceased.Employer, Deceased.IdNumber,
            Deceased.HouseholdAddress, Deceased.DiedAt, Deceased.PlaceOfDeath),
        new PayoutAccountForm(Payout.HolderName, Payout.BankName, Payout.AccountNumber, Payout.BankCode),
        new HeirAccountForm(Heir.AccountNumber, Heir.BankName));
}

/// <summary>
/// Varied, valid forms: every region of the catalog, the three funeral certificates plus up to
/// six other items (so the waiting order and the departments vary), valid ID numbers. Deterministic per seed.
/// </summary>
public sealed class FormFactory(ServiceCatalog catalog, int seed)
{
    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "马", "孙"];
    private static readonly string[] Given = ["秀英", "桂英", "建国", "志强", "玉兰", "德明", "海燕", "永福", "淑珍", "文华"];
    private static readonly string[] Funeral = ["DEATH_CERT", "CREMATION_CERT", "HUKOU_CANCEL"];

    /// <summary>Form <paramref name="index"/>; the person died shortly before <paramref name="filedAt"/>.</summary>
    public CaseForm Create(int index, DateTimeOffset filedAt)
    {
        var random = new Random(HashCode.Combine(seed, index));
        var regions = catalog.Data.Regions;
        var region = regions[random.Next(regions.Count)].Code;
        var others = catalog.Items.Select(i => i.Code).Except(Funeral).OrderBy(_ => random.Next()).Take(random.Next(0, 7));
        var items = Funeral.Concat(others).Where(catalog.HasItem).ToArray();
        var county = region[..4] + "02";

        var deceasedSequence = random.Next(0, 999);
        var deceasedGender = deceasedSequence % 2 == 1 ? Gender.Male : Gender.Female;
        var deceased = new Deceased(Name(random), deceasedGender, "汉族", random.Next(3) == 0 ? null : "甘肃某单位",
            CitizenId.Compose(county, new DateOnly(1930 + random.Next(40), 1 + random.Next(12), 1 + random.Next(28)), deceasedSequence),
            "甘肃省兰州市城关区庆阳路1号", filedAt.AddDays(-1 - random.Next(20)), "兰州大学第一医院");
        var applicantSequence = random.Next(0, 999);
        var applicant = new Applicant(Name(random), applicantSequence % 2 == 1 ? Gender.Male : Gender.Female, "汉族",
            CitizenId.Compose(county, new DateOnly(1975 + random.Next(20), 1 + random.Next(12), 1 + random.Next(28)), applicantSequence),
            $"138{random.Next(10_000_000, 99_999_999)}", Relationship.Child, "甘肃省兰州市城关区庆阳路1号", "甘肃省兰州市城关区庆阳路1号");
        return new CaseForm(region, random.Next(4) == 0 ? Channel.Online : Channel.Window, items, applicant, deceased,
            new PayoutAccount(deceased.Name, "中国工商银行兰州庆阳路支行", $"6222{random.NextInt64(100_000_000_000_000, 999_999_999_999_999)}", "102821000016"),
            new HeirAccount($"6222{random.NextInt64(100_000_000_000_000, 999_999_999_999_999)}", "中国建设银行兰州分行"));
    }

    private static string Name(Random random) => Surnames[random.Next(Surnames.Length)] + Given[random.Next(Given.Length)];
}
