using ShenHou.Api.DataSharing;
using ShenHou.Domain.People;

namespace ShenHou.Tests.DataSharing;

/// <summary>The demo set behind the simulators covers what a demo of the whole service needs.</summary>
public sealed class DemoPeopleTests
{
    private static readonly DemoPeople People = DemoPeople.LoadEmbedded();

    [Fact]
    public void Every_deceased_person_has_a_certificate_from_November_2026_and_a_living_relative()
    {
        Assert.InRange(People.All.Count, 8, 12);
        var deceased = People.All.Where(p => p.Deceased).ToList();
        Assert.True(deceased.Count >= 3);
        foreach (var d in deceased)
        {
            var died = d.DeathCertificate!.DiedAt;
            Assert.Equal((2026, 11, TimeSpan.FromHours(8)), (died.Year, died.Month, died.Offset));
            Assert.Contains(People.All, p => p.RelativeOf == d.IdNumber && !p.Deceased);
        }
    }

    [Fact]
    public void The_set_has_each_card_situation_and_the_four_ethnicities()
    {
        Assert.Contains(People.All, p => p.SocialSecurity is { CardActive: true });
        Assert.Contains(People.All, p => p.SocialSecurity is { CardIssued: true, CardActive: false });
        Assert.Contains(People.All, p => p.SocialSecurity is { CardIssued: false });
        Assert.Contains(People.All, p => p.SocialSecurity is null);
        Assert.Equal(["东乡族", "回族", "汉族", "藏族"], People.All.Select(p => p.Ethnicity).Distinct().Order(StringComparer.Ordinal));
        Assert.All(People.All, p => Assert.Equal(p.Gender, CitizenId.Check(p.IdNumber).Id!.Value.Gender));
    }

    [Fact]
    public async Task Simulators_answer_for_demo_people_and_null_for_anyone_else()
    {
        var deceased = People.All.First(p => p.Deceased && p.SocialSecurity is { CardActive: true });
        var stranger = CitizenId.Compose("620102", new DateOnly(1990, 1, 1), 1);
        var ct = CancellationToken.None;

        Assert.Equal(deceased.Name, (await new SimulatedPopulationRegistry(People).FindAsync(deceased.IdNumber, ct))!.Name);
        Assert.Equal(deceased.DeathCertificate!.CertificateNumber,
            (await new SimulatedDeathRegistry(People).FindAsync(deceased.IdNumber, ct))!.CertificateNumber);
        Assert.True((await new SimulatedSocialSecurityRegistry(People).FindAsync(deceased.IdNumber, ct))!.CardActive);

        Assert.Null(await new SimulatedPopulationRegistry(People).FindAsync(stranger, ct));
        Assert.Null(await new SimulatedDeathRegistry(People).FindAsync(stranger, ct));
        Assert.Null(await new SimulatedSocialSecurityRegistry(People).FindAsync("not a number", ct));
    }

    [Fact]
    public void A_broken_demo_file_fails_to_load()
    {
        var wrongGender = """{"people":[{"idNumber":"620102194805120133","name":"李德明","gender":"Female","ethnicity":"汉族","householdAddress":"x","deceased":false,"role":"r"}]}""";

        var e = Assert.Throws<InvalidOperationException>(() =>
            DemoPeople.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(wrongGender))));

        Assert.Contains("gender contradicts the sequence digit", e.Message, StringComparison.Ordinal);
    }
}
