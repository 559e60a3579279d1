using System.Text.Json.Nodes;
using ShenHou.Api.Cases;
using ShenHou.Domain.Cases;
using ShenHou.Domain.People;

namespace ShenHou.Fault;

/// <summary>Bearer tokens of the staff the lifecycles act as (the window, and a reviewer per department).</summary>
public sealed record Tokens(string Window, IReadOnlyDictionary<string, string> Reviewers, string Supervisor);

/// <summary>
/// One case from submission to delivery, as the window and the departments would: submit, verify
/// what was handed in, accept, approve and issue every item in the waiting order, deliver. It stops
/// at the first command whose outcome is not an acknowledgement, and starts no command once
/// <c>stop</c> is signalled (a command already sent is seen through, so that its outcome is known).
/// </summary>
public sealed class Lifecycle(FaultClient client, Tokens tokens, Random random)
{
    private static readonly string[][] Combinations =
    [
        ["DEATH_CERT", "HUKOU_CANCEL", "CREMATION_CERT"],
        ["DEATH_CERT", "DRIVING_LICENSE_CANCEL", "PENSION_SURVIVOR_BENEFIT", "MEDICAL_ACCOUNT_WITHDRAWAL"],
        ["DRIVING_LICENSE_CANCEL"],
        ["DEATH_CERT", "INHERITANCE_NOTARIZATION", "HOUSING_FUND_WITHDRAWAL", "SMALL_DEPOSIT_WITHDRAWAL"],
    ];

    public async Task<bool> Run(CancellationToken stop)
    {
        var (outcome, id) = await client.Command("submit", "api/cases", Form(), tokens.Window);
        if (outcome != Outcome.Acknowledged) return false;
        var url = $"api/cases/{id}";

        if (await client.Get(url, tokens.Window) is not { } submitted) return false;
        foreach (var material in submitted["materials"]!.AsArray())
            if (material!["handIn"]!.GetValue<bool>() && material["status"]!.GetValue<string>() != "Verified")
                if (!await Do("verify", $"{url}/materials/{material["code"]}/verification", new VerifyMaterial(true, null, null), tokens.Window, stop))
                    return false;
        if (!await Do("accept", $"{url}/acceptance", new AcceptCase(null), tokens.Window, stop)) return false;

        for (var round = 0; round < 10; round++)
        {
            if (await client.Get(url, tokens.Window) is not { } current) return false;
            if (current["status"]!.GetValue<string>() == "ReadyForDelivery")
                return await Do("deliver", $"{url}/delivery", new DeliverCase(DeliveryMethod.Window, null), tokens.Window, stop);
            foreach (var item in current["items"]!.AsArray())
            {
                var (code, status) = (item!["code"]!.GetValue<string>(), item["status"]!.GetValue<string>());
                var reviewer = tokens.Reviewers[item["department"]!.GetValue<string>()];
                if (status == "Transferred" && !await Do("decide", $"{url}/items/{code}/decision", new DecideItem(true, null, null), reviewer, stop))
                    return false;
                if (status is "Transferred" or "Approved"
                    && !await Do("issue", $"{url}/items/{code}/issuance", new IssueItem($"F-{code}-{random.Next(1_000_000)}", null), reviewer, stop))
                    return false;
            }
        }
        return false;
    }

    private async Task<bool> Do(string command, string url, object body, string token, CancellationToken stop) =>
        !stop.IsCancellationRequested && (await client.Command(command, url, body, token)).Outcome == Outcome.Acknowledged;

    private SubmitCase Form()
    {
        var items = Combinations[random.Next(Combinations.Length)];
        // The ID numbers' sequence is odd for a man, even for a woman.
        var deceasedId = CitizenId.Compose("620102", new DateOnly(1930 + random.Next(40), 1 + random.Next(12), 1 + random.Next(28)), 2 * random.Next(499));
        var applicantId = CitizenId.Compose("620102", new DateOnly(1970 + random.Next(30), 1 + random.Next(12), 1 + random.Next(28)), 2 * random.Next(499) + 1);
        return new SubmitCase("620100", Channel.Window, [.. items],
            new ApplicantForm("张伟", Gender.Male, "汉族", applicantId, $"138{random.Next(10_000_000, 99_999_999)}", Relationship.Child,
                "甘肃省兰州市城关区庆阳路1号", "甘肃省兰州市城关区庆阳路1号"),
            new DeceasedForm("王秀英", Gender.Female, "汉族", null, deceasedId, "甘肃省兰州市城关区庆阳路1号",
                DateTimeOffset.UtcNow.AddDays(-2), "兰州大学第一医院"),
            new PayoutAccountForm("王秀英", "中国工商银行兰州庆阳路支行", "6222021234567890123", "102821000016"),
            new HeirAccountForm("6222029876543210987", "中国建设银行兰州分行"));
    }
}
