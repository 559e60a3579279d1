using Alba;
using Marten;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using ShenHou.Api.Cases;
using ShenHou.Domain.Cases;
using ShenHou.Domain.People;
using ShenHou.Tests.Support;

namespace ShenHou.Tests.Cases;

/// <summary>Each Annex 1 rule: a 400 keyed by the field's JSON path, naming the rule, and nothing written.</summary>
public sealed class SubmissionValidationTests(AppFixture app) : ApiTest(app)
{
    private static readonly SubmitCase Valid = Forms.For("DEATH_CERT", "HUKOU_CANCEL", "PENSION_SURVIVOR_BENEFIT", "HOUSING_FUND_WITHDRAWAL");
    private static string Id(string birth, int sequence = 17) =>
        CitizenId.Compose("620102", DateOnly.ParseExact(birth, "yyyyMMdd"), sequence);
    private static string WrongCheck(string id) => id[..17] + (id[17] == '0' ? '1' : '0');

    public static readonly TheoryData<string, string, string> Rules = new()
    {
        { "region missing", "regionCode", "required" },
        { "region unknown", "regionCode", "unknown region" },
        { "channel missing", "channel", "required" },
        { "no items", "items", "at least one item" },
        { "unknown item", "items[1]", "unknown item code" },
        { "repeated item", "items[2]", "listed twice" },
        { "no applicant", "applicant", "required" },
        { "applicant name missing", "applicant.name", "required" },
        { "applicant relationship missing", "applicant.relationship", "required" },
        { "id too short", "applicant.idNumber", "18 characters" },
        { "id letters", "applicant.idNumber", "GB 11643" },
        { "id check character", "applicant.idNumber", "check character" },
        { "id birth date", "applicant.idNumber", "birth date" },
        { "id born in the future", "applicant.idNumber", "future" },
        { "gender against id", "applicant.gender", "sequence digit" },
        { "phone", "applicant.phone", "mobile" },
        { "deceased missing", "deceased", "required" },
        { "deceased id check", "deceased.idNumber", "check character" },
        { "deceased gender", "deceased.gender", "sequence digit" },
        { "death missing", "deceased.diedAt", "required" },
        { "death in the future", "deceased.diedAt", "future" },
        { "death before birth", "deceased.diedAt", "before the birth date" },
        { "same person", "applicant.idNumber", "share an ID number" },
        { "payout missing", "payoutAccount", "payout account" },
        { "payout bank code", "payoutAccount.bankCode", "12 digits" },
        { "payout account number", "payoutAccount.accountNumber", "8 to 32 digits" },
        { "heir missing", "heirAccount", "Class I debit account" },
        { "heir bank", "heirAccount.bankName", "required" },
    };

    private static SubmitCase Broken(string rule) => rule switch
    {
        "region missing" => Valid with { RegionCode = " " },
        "region unknown" => Valid with { RegionCode = "110000" },
        "channel missing" => Valid with { Channel = null },
        "no items" => Valid with { Items = [] },
        "unknown item" => Valid with { Items = ["DEATH_CERT", "FUNERAL_SUBSIDY"] },
        "repeated item" => Valid with { Items = ["DEATH_CERT", "HUKOU_CANCEL", "DEATH_CERT"] },
        "no applicant" => Valid with { Applicant = null },
        "applicant name missing" => Valid with { Applicant = Forms.Applicant() with { Name = "" } },
        "applicant relationship missing" => Valid with { Applicant = Forms.Applicant() with { Relationship = null } },
        "id too short" => Valid with { Applicant = Forms.Applicant() with { IdNumber = "62010219800101" } },
        "id letters" => Valid with { Applicant = Forms.Applicant() with { IdNumber = "62010219800101A017" } },
        "id check character" => Valid with { Applicant = Forms.Applicant() with { IdNumber = WrongCheck(Forms.ApplicantId) } },
        "id birth date" => Valid with { Applicant = Forms.Applicant() with { IdNumber = BadBirthDate() } },
        "id born in the future" => Valid with { Applicant = Forms.Applicant() with { IdNumber = Id("20270101") } },
        "gender against id" => Valid with { Applicant = Forms.Applicant() with { Gender = Gender.Female } },
        "phone" => Valid with { Applicant = Forms.Applicant() with { Phone = "0931-8888888" } },
        "deceased missing" => Valid with { Deceased = null },
        "deceased id check" => Valid with { Deceased = Forms.Deceased() with { IdNumber = WrongCheck(Forms.DeceasedId) } },
        "deceased gender" => Valid with { Deceased = Forms.Deceased() with { Gender = Gender.Male } },
        "death missing" => Valid with { Deceased = Forms.Deceased() with { DiedAt = null } },
        "death in the future" => Valid with { Deceased = Forms.Deceased() with { DiedAt = AppFixture.Start.AddMinutes(5) } },
        "death before birth" => Valid with { Deceased = Forms.Deceased() with { DiedAt = new DateTimeOffset(1950, 3, 7, 23, 0, 0, TimeSpan.FromHours(8)) } },
        "same person" => Valid with { Applicant = Forms.Applicant() with { IdNumber = Forms.DeceasedId, Gender = Gender.Female } },
        "payout missing" => Valid with { PayoutAccount = null },
        "payout bank code" => Valid with { PayoutAccount = Forms.Payout() with { BankCode = "1028" } },
        "payout account number" => Valid with { PayoutAccount = Forms.Payout() with { AccountNumber = "6222-0212" } },
        "heir missing" => Valid with { HeirAccount = null },
        "heir bank" => Valid with { HeirAccount = Forms.Heir() with { BankName = null } },
        _ => throw new ArgumentOutOfRangeException(nameof(rule)),
    };

    private static string BadBirthDate()
    {
        const string first17 = "62010219800230001"; // 30 February
        return first17 + CitizenId.CheckCharacter(first17);
    }

    [Theory, MemberData(nameof(Rules))]
    public async Task each_rule_is_a_400_naming_the_field_and_nothing_is_written(string rule, string field, string message)
    {
        var result = await Host.Scenario(s =>
        {
            s.As(Staff.Window());
            s.Post.Json(Broken(rule)).ToUrl("/api/cases");
            s.StatusCodeShouldBe(400);
            s.ContentTypeShouldBe("application/problem+json");
        });
        var problem = (await result.ReadAsJsonAsync<HttpValidationProblemDetails>())!;
        Assert.True(problem.Errors.ContainsKey(field), $"expected an error for {field}, got {string.Join(", ", problem.Errors.Keys)}");
        Assert.Contains(problem.Errors[field], m => m.Contains(message) && m.Contains(" / "));
        await NothingWritten();
    }

    [Fact]
    public async Task an_empty_employer_is_fine_and_a_lower_case_x_is_normalised()
    {
        // Sequence 11 in 1950-03-08 happens to give the check character X; find one that does.
        var withX = Enumerable.Range(1, 998).Select(n => Id("19600101", n)).First(i => i.EndsWith('X'));
        var gender = CitizenId.Check(withX).Id!.Value.Gender;
        var created = await Api.Submit(Valid with
        {
            Applicant = Forms.Applicant() with { IdNumber = withX.ToLowerInvariant(), Gender = gender, Phone = "+86 138-0013-8000" },
            Deceased = Forms.Deceased() with { Employer = "" },
        });
        var details = await Api.Get(created.Id);
        Assert.Equal(withX, details.Applicant.IdNumber);
        Assert.Equal("13800138000", details.Applicant.Phone);
        Assert.Null(details.Deceased.Employer);
    }

    [Theory]
    [InlineData("{\"regionCode\": \"620100\", \"items\": [", "items")]
    [InlineData("not json at all", "$")]
    [InlineData("{\"regionCode\": 620100}", "regionCode")]
    [InlineData("{\"channel\": \"Fax\"}", "channel")]
    [InlineData("{\"channel\": 1}", "channel")]
    [InlineData("{\"items\": \"DEATH_CERT\"}", "items")]
    [InlineData("{\"deceased\": {\"diedAt\": \"yesterday\"}}", "deceased.diedAt")]
    public async Task malformed_json_and_wrong_types_are_400_naming_the_path(string body, string field)
    {
        var result = await Host.Scenario(s =>
        {
            s.As(Staff.Window());
            s.Post.Text(body).ToUrl("/api/cases");
            s.WithRequestHeader("Content-Type", "application/json");
            s.StatusCodeShouldBe(400);
            s.ContentTypeShouldBe("application/problem+json");
        });
        var problem = (await result.ReadAsJsonAsync<HttpValidationProblemDetails>())!;
        Assert.Equal(ShenHou.Api.Infrastructure.Problems.ValidationTitle, problem.Title);
        var key = Assert.Single(problem.Errors.Keys);
        Assert.StartsWith(field, key);
        Assert.Contains(problem.Errors[key], m => m.Contains("JSON 格式错误") && m.Contains("wrong type"));
        await NothingWritten();
    }

    [Fact]
    public async Task command_bodies_are_validated_too()
    {
        var created = await Api.Submit(Forms.For("DEATH_CERT"));
        var id = created.Id;
        await Host.Scenario(s =>
        {
            s.As(Staff.Window());
            s.Post.Json(new VerifyMaterial(false, " ", null)).ToUrl($"/api/cases/{id}/materials/APPLICANT_ID/verification");
            s.ShouldReturnValidationProblem().WithValidationError("reason", "核验不通过时须说明原因 / a reason is required when the material fails");
        });
        await Host.Scenario(s =>
        {
            s.As(Staff.Window());
            s.Post.Json(new { }).ToUrl($"/api/cases/{id}/materials/APPLICANT_ID/verification");
            s.ShouldReturnValidationProblem().WithValidationError("passed", "必填 / required");
        });
        await Host.Scenario(s =>
        {
            s.As(Staff.ReviewerOf("DEATH_CERT"));
            s.Post.Json(new DecideItem(false, null, null)).ToUrl($"/api/cases/{id}/items/DEATH_CERT/decision");
            s.ShouldReturnValidationProblem().WithValidationError("reason", "不予办理时须说明原因 / a reason is required when rejecting");
        });
        await Host.Scenario(s =>
        {
            s.As(Staff.ReviewerOf("DEATH_CERT"));
            s.Post.Json(new IssueItem("", null)).ToUrl($"/api/cases/{id}/items/DEATH_CERT/issuance");
            s.ShouldReturnValidationProblem().WithValidationError("reference", "必填 / required");
        });
        await Host.Scenario(s =>
        {
            s.As(Staff.Window());
            s.Post.Json(new DeliverCase(null, null)).ToUrl($"/api/cases/{id}/delivery");
            s.ShouldReturnValidationProblem().WithValidationError("method", "必填 / required");
        });
        await Host.Scenario(s =>
        {
            s.As(Staff.Window());
            s.Post.Json(new WithdrawCase(null, null)).ToUrl($"/api/cases/{id}/withdrawal");
            s.ShouldReturnValidationProblem().WithValidationError("reason", "必填 / required");
        });
        Assert.Equal(created.Version, (await Api.Get(id)).Version);
    }

    private async Task NothingWritten()
    {
        await using var session = Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        Assert.Equal(0, await session.Events.QueryAllRawEvents().CountAsync());
    }
}
