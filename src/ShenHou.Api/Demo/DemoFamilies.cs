using ShenHou.Api.Cases;
using ShenHou.Api.DataSharing;
using ShenHou.Domain.Cases;
using ShenHou.Domain.People;

namespace ShenHou.Api.Demo;

/// <summary>The deceased and the family member who applies, as one Annex 1 form fills them in.</summary>
internal sealed record DemoFamily(DeceasedForm Deceased, ApplicantForm Applicant, DemoRegion Region, DemoCounty County);

/// <summary>
/// Makes up a family that hangs together: valid ID numbers (GB 11643) from the region's county
/// codes, gender matching the sequence digit, ages fitting the relationship, one ethnicity and
/// usually one surname, a Gansu address, a death in the weeks before now.
/// </summary>
internal static class DemoFamilies
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    private static readonly (Relationship, int)[] Relationships =
    [
        (Relationship.Child, 60), (Relationship.Spouse, 18), (Relationship.Grandchild, 7), (Relationship.Sibling, 5),
        (Relationship.OtherRelative, 6), (Relationship.Other, 4),
    ];

    public static DemoFamily Make(DemoDice f, DemoRegion region, DateTimeOffset now, bool retiredEmployee, bool ruralResident)
    {
        var county = f.PickRandom(region.Counties);
        var ethnicity = DemoNames.Pick(f, region.Ethnicities);
        var surname = DemoNames.Surname(f, ethnicity);

        var dGender = f.Random.Bool(0.55f) ? Gender.Male : Gender.Female;
        // Two draws, the earlier kept: most of the deceased were born in the 1930s and 1940s.
        var dBirth = new DateOnly(1930, 1, 1).AddDays(Math.Min(f.Random.Int(0, 11_322), f.Random.Int(0, 11_322)));
        var dId = CitizenId.Compose(county.Code, dBirth, Sequence(f, dGender));
        var home = Address(f, region, county, rural: ruralResident || f.Random.Bool(0.35f));
        var died = now.ToOffset(China).AddMinutes(-f.Random.Int(6 * 60, 42 * 24 * 60));
        var deceased = new DeceasedForm(
            DemoNames.FullName(f, ethnicity, dGender, dBirth.Year, surname), dGender, ethnicity,
            retiredEmployee ? f.PickRandom(region.Employers) : ruralResident || f.Random.Bool(0.7f) ? null : f.PickRandom(region.Employers),
            dId, home, new DateTimeOffset(died.Year, died.Month, died.Day, died.Hour, died.Minute, 0, China),
            f.Random.Bool(0.62f) ? f.PickRandom(region.Hospitals) : f.Random.Bool(0.9f) ? "家中" : $"{region.Short}社会福利院");

        var relationship = DemoNames.Pick(f, Relationships);
        var (aBirthYear, ok) = ApplicantBirthYear(f, relationship, dBirth.Year);
        if (!ok) (relationship, aBirthYear) = (Relationship.Child, Math.Clamp(dBirth.Year + f.Random.Int(20, 38), 1955, 1995));
        var aGender = relationship == Relationship.Spouse ? Other(dGender) : f.Random.Bool() ? Gender.Male : Gender.Female;
        var aBirth = new DateOnly(aBirthYear, 1, 1).AddDays(f.Random.Int(0, 364));
        var aCounty = f.Random.Bool(0.7f) ? county : f.PickRandom(region.Counties);
        var aId = CitizenId.Compose(aCounty.Code, aBirth, Sequence(f, aGender));
        if (aId == dId) aId = CitizenId.Compose(aCounty.Code, aBirth, CitizenId.Check(aId).Id!.Value.Sequence % 996 + 2);

        var aEthnicity = relationship == Relationship.Spouse && f.Random.Bool(0.1f) ? "汉族" : ethnicity;
        var familyName = relationship switch
        {
            Relationship.Sibling => surname,
            Relationship.Child => dGender == Gender.Male ? surname : null,
            Relationship.Grandchild or Relationship.OtherRelative => f.Random.Bool() ? surname : null,
            _ => null,
        };
        var aName = DemoNames.FullName(f, aEthnicity, aGender, aBirthYear,
            DemoNames.UsesTibetanNames(aEthnicity) ? null : familyName ?? DemoNames.Surname(f, aEthnicity));
        if (aName == deceased.Name) aName = DemoNames.FullName(f, aEthnicity, aGender, 1990, familyName);

        var together = relationship == Relationship.Spouse || (relationship == Relationship.Child && f.Random.Bool(0.4f));
        var aHome = together ? home : Address(f, region, aCounty, rural: aCounty.Roads.Length == 0 || f.Random.Bool(0.3f));
        var lanzhou = DemoGeography.Regions[0];
        var residence = f.Random.Bool(0.75f) ? aHome
            : Address(f, lanzhou, lanzhou.Counties[f.Random.Int(0, 3)], rural: false);
        var applicant = new ApplicantForm(aName, aGender, aEthnicity, aId, DemoNames.Mobile(f), relationship, residence, aHome);
        return new DemoFamily(deceased, applicant, region, county);
    }

    /// <summary>A pair the registry simulators know (demo-people.json): shared materials verify themselves.</summary>
    public static DemoFamily FromRegistry(DemoDice f, DemoPerson dead, DemoPerson relative, DemoRegion region)
    {
        var county = region.Counties.FirstOrDefault(c => c.Code == dead.IdNumber[..6]) ?? region.Counties[0];
        var certificate = dead.DeathCertificate!;
        var deceased = new DeceasedForm(dead.Name, dead.Gender, dead.Ethnicity,
            dead.Role.Contains("enterprise", StringComparison.Ordinal) ? f.PickRandom(region.Employers) : null,
            dead.IdNumber, dead.HouseholdAddress, certificate.DiedAt, certificate.IssuedBy);
        var applicant = new ApplicantForm(relative.Name, relative.Gender, relative.Ethnicity, relative.IdNumber,
            DemoNames.Mobile(f), relative.Relationship ?? Relationship.Child, relative.HouseholdAddress, relative.HouseholdAddress);
        return new DemoFamily(deceased, applicant, region, county);
    }

    /// <summary>The deceased's social security card account, or another bank card of theirs.</summary>
    public static PayoutAccountForm Payout(DemoDice f, DemoFamily family)
    {
        var (bank, code, bin, _) = DemoNames.Pick(f, DemoGeography.Banks.Select(b => (b, b.Weight)).ToArray());
        var regionIndex = Array.IndexOf(DemoGeography.Regions, family.Region) + 10;
        return new PayoutAccountForm(family.Deceased.Name, Branch(bank, family),
            bin + f.Random.ReplaceNumbers("#############"), $"{code}82{regionIndex}{f.Random.ReplaceNumbers("#####")}");
    }

    /// <summary>The heir's Class I debit account (the applicant's own).</summary>
    public static HeirAccountForm Heir(DemoDice f, DemoFamily family)
    {
        var (bank, _, bin, _) = DemoNames.Pick(f, DemoGeography.Banks.Select(b => (b, b.Weight)).ToArray());
        return new HeirAccountForm(bin + f.Random.ReplaceNumbers("#############"), Branch(bank, family));
    }

    /// <summary>The branch in the family's county: 中国农业银行天水甘谷支行, 甘肃银行临夏县支行, 兰州银行兰州新区分行.</summary>
    private static string Branch(string bank, DemoFamily family)
    {
        var (region, county) = (family.Region, family.County);
        if (county.Name.Length == 0) return $"{bank}{region.Short}分行";
        return county.Name.StartsWith(region.Short, StringComparison.Ordinal)
            ? $"{bank}{county.Name}支行"
            : $"{bank}{region.Short}{DemoGeography.ShortName(county, region)}支行";
    }

    private static (int Year, bool Ok) ApplicantBirthYear(DemoDice f, Relationship relationship, int deceasedYear)
    {
        var year = relationship switch
        {
            Relationship.Child => deceasedYear + f.Random.Int(20, 38),
            Relationship.Spouse => deceasedYear + f.Random.Int(-4, 8),
            Relationship.Sibling => deceasedYear + f.Random.Int(-10, 12),
            Relationship.Grandchild => deceasedYear + f.Random.Int(45, 60),
            Relationship.OtherRelative => deceasedYear + f.Random.Int(15, 35),
            _ => f.Random.Int(1955, 1995),
        };
        // Children and grandchildren born just outside 1955-1995 are moved inside; spouses and siblings are not.
        return relationship is Relationship.Child or Relationship.Grandchild or Relationship.OtherRelative
            ? (Math.Clamp(year, 1955, 1995), true)
            : (year, year is >= 1955 and <= 1995);
    }

    private static int Sequence(DemoDice f, Gender gender) => 2 * f.Random.Int(0, 498) + (gender == Gender.Male ? 1 : 2);

    private static Gender Other(Gender g) => g == Gender.Male ? Gender.Female : Gender.Male;

    private static string Address(DemoDice f, DemoRegion region, DemoCounty county, bool rural)
    {
        if (rural && county.Towns.Length > 0)
            return $"{region.Address}{county.Name}{f.PickRandom(county.Towns)}{f.PickRandom(DemoGeography.Villages)}村" +
                   $"{f.Random.Int(1, 12)}社{f.Random.Int(1, 80)}号";
        var building = f.Random.Bool(0.6f) ? $"{f.Random.Int(1, 30)}号楼" : "";
        return $"{region.Address}{county.Name}{f.PickRandom(county.Roads)}{f.Random.Int(1, 420)}号{building}" +
               $"{f.Random.Int(1, 6)}单元{f.Random.Int(1, 18)}{f.Random.Int(1, 4):D2}室";
    }
}
