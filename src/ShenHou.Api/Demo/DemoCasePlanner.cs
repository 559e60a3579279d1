using ShenHou.Api.Cases;
using ShenHou.Api.DataSharing;
using ShenHou.Domain.Cases;
using ShenHou.Domain.Catalog;
using ShenHou.Domain.People;

namespace ShenHou.Api.Demo;

/// <summary>
/// Plans demo case number <c>index</c> of a run: region, items, channel, family, accounts and outcome.
/// Each case draws from its own generator seeded by (seed, index), so cases can be filed in any
/// order or in parallel and a seed always gives the same shapes.
/// </summary>
internal static class DemoCasePlanner
{
    private static readonly string[] Annex2 =
    [
        "DEATH_CERT", "CREMATION_CERT", "HUKOU_CANCEL", "PENSION_ACCOUNT_LUMP_SUM", "PENSION_SURVIVOR_BENEFIT",
        "RESIDENT_PENSION_CANCEL", "MEDICAL_ACCOUNT_WITHDRAWAL", "HOUSING_FUND_WITHDRAWAL", "WILL_NOTARY_CHECK",
    ];

    private static readonly string[] Funeral = ["DEATH_CERT", "CREMATION_CERT", "HUKOU_CANCEL"];
    private static readonly string[] Pensions = ["PENSION_ACCOUNT_LUMP_SUM", "PENSION_SURVIVOR_BENEFIT", "MEDICAL_ACCOUNT_WITHDRAWAL"];

    /// <summary>The combinations families ask for, and how often (按需组合).</summary>
    private static readonly (string[] Items, int Weight)[] Bundles =
    [
        (Funeral, 22),
        ([.. Funeral, "RESIDENT_PENSION_CANCEL"], 14),
        ([.. Funeral, .. Pensions], 16),
        ([.. Funeral, .. Pensions, "HOUSING_FUND_WITHDRAWAL", "INHERITANCE_NOTARIZATION"], 5),
        (Annex2, 10),
        (Pensions, 8),
        ([.. Funeral, "DRIVING_LICENSE_CANCEL"], 7),
        (["DEATH_CERT", "HUKOU_CANCEL", "HOUSING_FUND_WITHDRAWAL", "WILL_NOTARY_CHECK"], 5),
        (["WILL_NOTARY_CHECK", "INHERITANCE_NOTARIZATION", "SMALL_DEPOSIT_WITHDRAWAL", "EQUITY_HEIR_QUERY"], 4),
        ([.. Funeral, "RESIDENT_PENSION_CANCEL", "SMALL_DEPOSIT_WITHDRAWAL"], 4),
        ([], 5), // any 2-6 items
    ];

    /// <summary>Outcomes are dealt from a shuffled deck of 20, so every 20 cases hold the whole mix.</summary>
    private static readonly DemoOutcome[] Deck =
    [
        .. Enumerable.Repeat(DemoOutcome.Delivered, 8), DemoOutcome.DeliveredWithRejection, DemoOutcome.DeliveredWithRejection,
        DemoOutcome.CorrectedThenDelivered, DemoOutcome.CorrectedThenDelivered, DemoOutcome.ReadyForDelivery,
        DemoOutcome.InProgress, DemoOutcome.InProgress, DemoOutcome.InProgress, DemoOutcome.AwaitingCorrection,
        DemoOutcome.AwaitingVerification, DemoOutcome.WithdrawnAtIntake, DemoOutcome.WithdrawnInProgress,
    ];

    /// <summary>Demo registry families go to these case indexes (3, 10, 17, ...), each once per run.</summary>
    private const int RegistryFirst = 3, RegistryEvery = 7;

    public static DemoCasePlan Plan(ServiceCatalog catalog, DemoPeople people, DateTimeOffset now, int seed, int index)
    {
        var f = new DemoDice(DemoSeed.Mix(seed, index, 1));
        var outcome = OutcomeOf(seed, index);
        var pair = RegistryPair(people, now, index);
        var region = pair is { } p
            ? DemoGeography.Regions.First(r => r.Code == p.Dead.IdNumber[..4] + "00")
            : DemoNames.Pick(f, DemoGeography.Regions.Select(r => (r, r.Weight)).ToArray());

        var items = Items(f, catalog);
        if (outcome == DemoOutcome.DeliveredWithRejection && !items.Any(DemoTexts.Rejections.ContainsKey))
            items.Add(f.PickRandom("MEDICAL_ACCOUNT_WITHDRAWAL", "DRIVING_LICENSE_CANCEL", "SMALL_DEPOSIT_WITHDRAWAL"));
        var retired = items.Any(i => i.StartsWith("PENSION_", StringComparison.Ordinal));
        var family = pair is { } known
            ? DemoFamilies.FromRegistry(f, known.Dead, known.Relative, region)
            : DemoFamilies.Make(f, region, now, retired, ruralResident: !retired && items.Contains("RESIDENT_PENSION_CANCEL"));

        var accounts = items.Select(i => catalog.Item(i).Account).ToHashSet();
        var channel = DemoNames.Pick(f, region.Code is "622900" or "623000"
            ? new[] { (Channel.Window, 45), (Channel.Online, 20), (Channel.Assisted, 35) }
            : new[] { (Channel.Window, 50), (Channel.Online, 30), (Channel.Assisted, 20) });
        var clerk = $"window-{region.Code}-{f.Random.Int(1, 8):D2}";
        var assistance = channel == Channel.Assisted
            ? new AssistanceForm(clerk, DemoNames.FullName(f, "汉族", f.Random.Bool() ? Gender.Male : Gender.Female, 1988),
                family.Applicant.Name, $"授权委托书 {region.Code}-{now.Year}-{f.Random.Int(1, 99_999):D6}")
            : null;
        var form = new SubmitCase(region.Code, channel, items.Select(i => (string?)i).ToList(), family.Applicant,
            family.Deceased, accounts.Contains(AccountSection.Payout) ? DemoFamilies.Payout(f, family) : null,
            accounts.Contains(AccountSection.Heir) ? DemoFamilies.Heir(f, family) : null, assistance);

        var rejectable = items.Where(DemoTexts.Rejections.ContainsKey).ToArray();
        var rejections = outcome == DemoOutcome.DeliveredWithRejection
            ? f.Random.Shuffle(rejectable).Take(f.Random.Bool(0.8f) ? 1 : 2)
                .ToDictionary(i => i, i => f.PickRandom(DemoTexts.Rejections[i]))
            : new Dictionary<string, string>();
        return new DemoCasePlan(index, form, outcome, clerk, channel == Channel.Online ? "gkb-online" : clerk,
            pair is not null, rejections,
            CorrectionRounds: outcome switch
            {
                DemoOutcome.CorrectedThenDelivered => f.Random.Bool(0.8f) ? 1 : 2,
                DemoOutcome.AwaitingCorrection => 1,
                _ => 0,
            },
            ClaimChance: 0.35,
            StopAfter: f.Random.Int(0, items.Count - 1),
            ExtensionDays: f.Random.Bool(0.25f) ? f.Random.Int(3, 10) : 0,
            f.PickRandom(DemoTexts.Extensions),
            channel == Channel.Online
                ? f.PickRandom(DeliveryMethod.Online, DeliveryMethod.Post)
                : f.Random.Bool(0.8f) ? DeliveryMethod.Window : DeliveryMethod.Post,
            f.PickRandom(DemoTexts.Withdrawals));
    }

    private static DemoOutcome OutcomeOf(int seed, int index)
    {
        var deck = (DemoOutcome[])Deck.Clone();
        new Random(DemoSeed.Mix(seed, index / Deck.Length, 3)).Shuffle(deck);
        return deck[index % Deck.Length];
    }

    private static List<string> Items(DemoDice f, ServiceCatalog catalog)
    {
        var bundle = DemoNames.Pick(f, Bundles);
        var items = bundle.Length > 0
            ? bundle.ToList()
            : f.Random.Shuffle(catalog.Items.Select(i => i.Code)).Take(f.Random.Int(2, 6)).ToList();
        if (!items.Contains("DRIVING_LICENSE_CANCEL") && f.Random.Bool(0.1f)) items.Add("DRIVING_LICENSE_CANCEL");
        if (!items.Contains("SOCIAL_SECURITY_CARD_INFO") && f.Random.Bool(0.05f)) items.Add("SOCIAL_SECURITY_CARD_INFO");
        // Catalog order, as a form lists them.
        return catalog.Items.Select(i => i.Code).Where(items.Contains).ToList();
    }

    private static (DemoPerson Dead, DemoPerson Relative)? RegistryPair(DemoPeople people, DateTimeOffset now, int index)
    {
        if (index < RegistryFirst || (index - RegistryFirst) % RegistryEvery != 0) return null;
        var pairs = people.All
            .Where(d => d.Deceased && d.DeathCertificate!.DiedAt <= now)
            .Select(d => (Dead: d, Relative: people.All.FirstOrDefault(r => r.RelativeOf == d.IdNumber)))
            .Where(x => x.Relative is not null
                        && DemoGeography.Regions.Any(r => r.Code == x.Dead.IdNumber[..4] + "00"))
            .ToArray();
        var n = (index - RegistryFirst) / RegistryEvery;
        return n < pairs.Length ? (pairs[n].Dead, pairs[n].Relative!) : null;
    }
}
