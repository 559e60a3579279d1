using System.Text.RegularExpressions;
using Alba;
using Microsoft.Extensions.DependencyInjection;
using ShenHou.Api.Cases;
using ShenHou.Api.Demo;
using ShenHou.Domain.Cases;
using ShenHou.Domain.Catalog;
using ShenHou.Domain.People;
using ShenHou.Projections.Cases;
using ShenHou.Tests.Support;

namespace ShenHou.Tests.Demo;

/// <summary>The demo data filer against the real API (TestServer): every case goes through the endpoints.</summary>
public sealed partial class DemoCaseFilerTests(AppFixture app) : ApiTest(app)
{
    private const int Seed = 20250521;
    private const int Count = 25;

    private DemoCaseFiler Filer(HttpClient http, int seed = Seed) =>
        new(http, Host.Services.GetRequiredService<ServiceCatalog>(), App.Clock, seed,
            Host.Services.GetRequiredService<ShenHou.Api.Access.TokenIssuer>());

    [Fact]
    public async Task files_a_realistic_mix_of_cases_through_the_http_command_path()
    {
        using var http = Host.Server.CreateClient();
        var filer = Filer(http);
        var filed = new List<FiledCase>();
        for (var i = 0; i < Count; i++) filed.Add(await filer.FileAsync(i));

        // Every submission was a 201 (the filer throws otherwise) and each case ended where its plan said.
        Assert.Equal(Count, filed.Count);
        Assert.All(filed, c => Assert.StartsWith("submit ", c.Steps[0], StringComparison.Ordinal));
        Assert.All(filed, c => Assert.Equal(Expected(c.Plan.Outcome), c.Status));
        var statuses = filed.Select(c => c.Status).ToHashSet();
        Assert.Superset(new HashSet<CaseStatus>
        {
            CaseStatus.Delivered, CaseStatus.Accepted, CaseStatus.Withdrawn, CaseStatus.AwaitingCorrection,
            CaseStatus.Submitted, CaseStatus.ReadyForDelivery,
        }, statuses);
        Assert.True(filed.Count(c => c.Status == CaseStatus.Delivered) >= Count / 2, "most cases are delivered");
        var steps = filed.SelectMany(c => c.Steps).ToArray();
        foreach (var kind in new[] { "claim ", "extend ", "correction ", "supplements ", "deliver " })
            Assert.Contains(steps, s => s.StartsWith(kind, StringComparison.Ordinal));
        Assert.Contains(steps, s => s.EndsWith(" rejected", StringComparison.Ordinal));
        Assert.Contains(filed, c => c.Plan.KnownToRegistries);
        Assert.True(filed.Select(c => c.Plan.Form.RegionCode).Distinct().Count() >= 5, "cases across regions");
        Assert.Equal(3, filed.Select(c => c.Plan.Form.Channel).Distinct().Count());

        foreach (var c in filed)
        {
            var details = await Api.Get(c.Id);
            var history = await Api.History(c.Id);
            // Every step is an event in the store, in order.
            Assert.Equal(details.Version, history.Events.Count);
            Assert.Equal("CaseSubmitted", history.Events[0].Type);
            Assert.Equal(c.Steps.Count(s => s.StartsWith("claim ", StringComparison.Ordinal)),
                history.Events.Count(e => e.Type == "ItemClaimed"));
            Assert.Equal(c.Steps.Count(s => s.StartsWith("extend ", StringComparison.Ordinal)),
                history.Events.Count(e => e.Type == "ItemDeadlineExtended"));
            Assert.Equal(c.Steps.Count(s => s.StartsWith("correction ", StringComparison.Ordinal)), details.Corrections.Count);
            AssertPeople(details, c.Plan);
        }

        await Projected();
        var list = (await new CaseApi(Host).GetAs<CaseList>("/api/cases?pageSize=100", Staff.Window()));
        Assert.Equal(Count, list.Total);
    }

    [Fact]
    public async Task the_same_seed_files_the_same_cases()
    {
        using var http = Host.Server.CreateClient();
        var first = new List<FiledCase>();
        var second = new List<FiledCase>();
        for (var i = 0; i < 4; i++) first.Add(await Filer(http).FileAsync(i));
        for (var i = 0; i < 4; i++) second.Add(await Filer(http).FileAsync(i));

        Assert.Equal(first.Select(c => c.Plan.Shape), second.Select(c => c.Plan.Shape));
        Assert.Equal(first.Select(c => c.Status), second.Select(c => c.Status));
        Assert.Equal(first.Select(c => string.Join(", ", c.Steps.Skip(1))), second.Select(c => string.Join(", ", c.Steps.Skip(1))));
        Assert.Equal(first.Select(c => c.Plan.Form.Deceased!.IdNumber), second.Select(c => c.Plan.Form.Deceased!.IdNumber));
        Assert.NotEqual(first.Select(c => c.CaseNumber), second.Select(c => c.CaseNumber));

        var shapes = Enumerable.Range(0, 40).Select(i => Filer(http).Plan(i).Shape).ToArray();
        Assert.Equal(shapes, Enumerable.Range(0, 40).Select(i => Filer(http).Plan(i).Shape));
        Assert.NotEqual(shapes, Enumerable.Range(0, 40).Select(i => Filer(http, Seed + 1).Plan(i).Shape));
    }

    private void AssertPeople(CaseDetails details, DemoCasePlan plan)
    {
        var now = App.Clock.GetUtcNow();
        Assert.Matches(ChineseName(), details.Deceased.Name);
        Assert.Matches(ChineseName(), details.Applicant.Name);
        var dead = CitizenId.Check(details.Deceased.IdNumber);
        var living = CitizenId.Check(details.Applicant.IdNumber);
        Assert.True(dead.IsValid && living.IsValid, $"{details.Deceased.IdNumber} / {details.Applicant.IdNumber}");
        Assert.Equal(dead.Id!.Value.Gender, details.Deceased.Gender);
        Assert.Equal(living.Id!.Value.Gender, details.Applicant.Gender);
        Assert.StartsWith("62", dead.Id.Value.RegionCode, StringComparison.Ordinal);
        Assert.InRange(dead.Id.Value.BirthDate.Year, 1930, 1960);
        if (!plan.KnownToRegistries)
        {
            Assert.InRange(living.Id.Value.BirthDate.Year, 1955, 1995);
            Assert.InRange(details.Deceased.DiedAt, now.AddDays(-43), now);
        }
        Assert.True(MobilePhone.IsValid(details.Applicant.Phone), details.Applicant.Phone);
        Assert.StartsWith("甘肃省", details.Deceased.HouseholdAddress, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(details.Applicant.Ethnicity));
        Assert.Equal(plan.Form.Channel == Channel.Assisted, details.Assistance is not null);
    }

    private static CaseStatus Expected(DemoOutcome outcome) => outcome switch
    {
        DemoOutcome.Delivered or DemoOutcome.DeliveredWithRejection or DemoOutcome.CorrectedThenDelivered => CaseStatus.Delivered,
        DemoOutcome.ReadyForDelivery => CaseStatus.ReadyForDelivery,
        DemoOutcome.InProgress => CaseStatus.Accepted,
        DemoOutcome.AwaitingCorrection => CaseStatus.AwaitingCorrection,
        DemoOutcome.AwaitingVerification => CaseStatus.Submitted,
        _ => CaseStatus.Withdrawn,
    };

    [GeneratedRegex(@"^\p{IsCJKUnifiedIdeographs}{2,6}$")]
    private static partial Regex ChineseName();
}
