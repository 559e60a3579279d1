using ShenHou.Domain.Cases;
using ShenHou.Domain.Compression;
using static ShenHou.Tests.Domain.Given;

namespace ShenHou.Tests.Domain;

/// <summary>The plan's 60% target: materials and time, separately versus bundled, computed from a case's plan.</summary>
public sealed class CompressionFiguresTests
{
    private static int Limit(string item) => EmbeddedCatalog.Item(item).TimeLimitWorkingDays;

    private static CompressionFigures For(string[] items, int visits = 1, int? actualDays = null)
    {
        var submitted = Submitted(items);
        return CompressionFigures.For(submitted.Items, submitted.Materials, visits, actualDays);
    }

    private static PlannedItem Item(string code, int days, int materials, params string[] waitingFor) =>
        new(code, "HEALTH", days, Enumerable.Range(1, materials).Select(m => $"M{m}").ToArray(), waitingFor);

    private static string[] CodesFrom(CaseSubmitted submitted, MaterialSource source) =>
        submitted.Materials.Where(m => m.Source == source).Select(m => m.Code).ToArray();

    private static PlannedMaterial Material(string code, bool handIn) =>
        new(code, ["A"], handIn, handIn ? MaterialSource.Applicant : MaterialSource.ProducedInCase, [], false);

    private static PlannedMaterial[] Materials(int handedIn, int producedInCase) =>
    [
        .. Enumerable.Range(1, handedIn).Select(i => Material($"H{i}", true)),
        .. Enumerable.Range(1, producedInCase).Select(i => Material($"P{i}", false)),
    ];

    [Fact]
    public void The_nine_Annex_2_items_ask_for_36_materials_separately_and_5_to_hand_in_with_DEATH_CERT()
    {
        Assert.Equal(9, Annex2Items.Length);
        Assert.Contains("DEATH_CERT", Annex2Items);
        var submitted = Submitted(Annex2Items);

        var figures = CompressionFigures.For(submitted.Items, submitted.Materials, 2);

        Assert.Equal(36, figures.Materials.Separately);
        Assert.Equal(Annex2Items.Sum(i => EmbeddedCatalog.Item(i).Requires.Count), figures.Materials.Separately);
        // 7 distinct materials: the death certificate is produced in the case, and a registry vouches for the
        // deceased's card; the ID cards and the certificate are not shared because cremation and hukou need originals.
        Assert.Equal(7, submitted.Materials.Count);
        Assert.Equal(["DEATH_CERTIFICATE"], CodesFrom(submitted, MaterialSource.ProducedInCase));
        Assert.Equal(["DECEASED_SS_OR_BANK_CARD"], CodesFrom(submitted, MaterialSource.SharedData));
        Assert.Equal(5, figures.Materials.HandedIn);
        Assert.Equal(0.861, figures.Materials.Reduction); // 1 - 5/36 = 0.8611…
        Assert.Equal(new VisitFigures(9, 2), figures.Visits);
    }

    [Fact]
    public void When_the_registry_cannot_vouch_for_the_card_the_nine_items_hand_in_6_of_36()
    {
        var submitted = Submitted(Annex2Items);
        var routed = submitted.Materials
            .Select(m => m.Source == MaterialSource.SharedData ? m with { HandIn = true } : m).ToArray();

        var figures = CompressionFigures.For(submitted.Items, routed, 1);

        Assert.Equal(6, figures.Materials.HandedIn); // everything but DEATH_CERTIFICATE, produced in the case
        Assert.Equal(0.833, figures.Materials.Reduction); // 1 - 6/36 = 0.8333…
    }

    [Fact]
    public void Without_DEATH_CERT_the_death_certificate_is_handed_in_as_well()
    {
        var items = Annex2Items.Where(i => i != "DEATH_CERT").ToArray();
        var submitted = Submitted(items);

        var figures = CompressionFigures.For(submitted.Items, submitted.Materials, 1);

        Assert.Equal(36 - EmbeddedCatalog.Item("DEATH_CERT").Requires.Count, figures.Materials.Separately);
        Assert.Equal(33, figures.Materials.Separately);
        Assert.Empty(CodesFrom(submitted, MaterialSource.ProducedInCase));
        Assert.Equal(submitted.Materials.Count(m => m.Source == MaterialSource.Applicant), figures.Materials.HandedIn);
        Assert.Equal(6, figures.Materials.HandedIn); // 7 distinct, the deceased's card vouched for by a registry
        Assert.Equal(0.818, figures.Materials.Reduction); // 1 - 6/33 = 0.8181…
    }

    [Fact]
    public void The_nine_Annex_2_items_take_their_limits_one_after_another_separately_and_the_longest_chain_bundled()
    {
        var figures = For(Annex2Items);

        var separately = Annex2Items.Sum(Limit);
        var longestAfterDeath = Annex2Items.Where(i => i != "DEATH_CERT").Max(Limit);
        var planned = Limit("DEATH_CERT") + longestAfterDeath; // every other Annex 2 item needs the death certificate
        Assert.Equal(separately, figures.Time.SeparatelyWorkingDays);
        Assert.Equal(planned, figures.Time.PlannedWorkingDays);
        Assert.Null(figures.Time.ActualWorkingDays);
        Assert.Equal(Math.Round(1 - (double)planned / separately, 3), figures.Time.Reduction);
        // With catalog 2026.1: 44 days separately, 1 + 15 = 16 along the longest chain.
        Assert.Equal((44, 16, 0.636), (separately, planned, figures.Time.Reduction));
        Assert.True(figures.MeetsTarget);
    }

    [Fact]
    public void The_longest_chain_follows_the_waiting_order()
    {
        string[] items = ["DEATH_CERT", "INHERITANCE_NOTARIZATION", "HOUSING_FUND_WITHDRAWAL"];
        var submitted = Submitted(items);

        var chain = Limit("DEATH_CERT") + Limit("INHERITANCE_NOTARIZATION") + Limit("HOUSING_FUND_WITHDRAWAL");
        Assert.Equal(chain, CompressionFigures.LongestChain(submitted.Items));
        Assert.Equal(1 + 15 + 3, chain);
        // The separate sum equals the chain here: every item waits for the one before it.
        Assert.Equal(chain, CompressionFigures.For(submitted.Items, submitted.Materials, 1).Time.SeparatelyWorkingDays);
    }

    [Fact]
    public void Items_that_wait_for_nothing_run_in_parallel()
    {
        string[] items = ["CREMATION_CERT", "PENSION_SURVIVOR_BENEFIT", "WILL_NOTARY_CHECK", "DRIVING_LICENSE_CANCEL"];

        Assert.Equal(items.Max(Limit), CompressionFigures.LongestChain(Submitted(items).Items));
        Assert.Equal(Limit("INHERITANCE_NOTARIZATION") + Limit("HOUSING_FUND_WITHDRAWAL"),
            CompressionFigures.LongestChain(Submitted("INHERITANCE_NOTARIZATION", "HOUSING_FUND_WITHDRAWAL").Items));
    }

    [Fact]
    public void The_longest_chain_takes_the_slowest_branch_and_ignores_waits_outside_the_list()
    {
        PlannedItem[] items =
        [
            Item("A", 2, 1), Item("B", 10, 1, "A"), Item("C", 3, 1, "A"), Item("D", 4, 1, "C", "B"),
            Item("E", 5, 1, "NOT_IN_THE_CASE"),
        ];

        Assert.Equal(2 + 10 + 4, CompressionFigures.LongestChain(items));
        Assert.Equal(0, CompressionFigures.LongestChain([]));
    }

    [Theory]
    [InlineData(3, 1, 0.667)]   // 0.6666…
    [InlineData(3, 2, 0.333)]   // 0.3333…
    [InlineData(7, 2, 0.714)]   // 0.7142…
    [InlineData(8, 1, 0.875)]
    [InlineData(36, 6, 0.833)]
    [InlineData(5, 5, 0.0)]
    public void Reductions_are_fractions_rounded_to_three_decimals(int separately, int handedIn, double expected)
    {
        var figures = CompressionFigures.For([Item("A", separately, separately)], Materials(handedIn, 1), 1, handedIn);

        Assert.Equal(expected, figures.Materials.Reduction);
        Assert.Equal(expected, figures.Time.Reduction);
    }

    [Fact]
    public void No_items_give_no_reduction_rather_than_a_division_by_zero()
    {
        var figures = CompressionFigures.For([], [], 0);

        Assert.Equal(new MaterialFigures(0, 0, 0), figures.Materials);
        Assert.Equal(new TimeFigures(0, 0, null, 0), figures.Time);
        Assert.False(figures.MeetsTarget);
    }

    [Fact]
    public void Time_uses_the_actual_working_days_once_known_and_planned_days_before()
    {
        string[] items = ["DEATH_CERT", "INHERITANCE_NOTARIZATION", "HOUSING_FUND_WITHDRAWAL", "CREMATION_CERT"];
        var separately = items.Sum(Limit);

        var planned = For(items);
        var actual = For(items, actualDays: 4);

        Assert.Equal(Math.Round(1 - (double)planned.Time.PlannedWorkingDays / separately, 3), planned.Time.Reduction);
        Assert.Equal(4, actual.Time.ActualWorkingDays);
        Assert.Equal(planned.Time.PlannedWorkingDays, actual.Time.PlannedWorkingDays);
        Assert.Equal(Math.Round(1 - 4.0 / separately, 3), actual.Time.Reduction);
    }

    [Theory]
    [InlineData(2, 4, true)]    // materials 1 - 2/5 = 0.6, time 1 - 4/10 = 0.6: exactly the target meets it
    [InlineData(1, 1, true)]
    [InlineData(3, 4, false)]   // materials 0.4
    [InlineData(2, 5, false)]   // time 0.5
    [InlineData(3, 5, false)]
    public void Meets_the_target_only_when_both_reductions_are_at_least_sixty_percent(int handedIn, int actualDays, bool meets)
    {
        var figures = CompressionFigures.For([Item("A", 10, 5)], Materials(handedIn, 2), 1, actualDays);

        Assert.Equal(5, figures.Materials.Separately);
        Assert.Equal(10, figures.Time.SeparatelyWorkingDays);
        Assert.Equal(meets, figures.MeetsTarget);
        Assert.Equal(0.6, CompressionFigures.Target);
    }

    [Fact]
    public void A_small_combination_that_waits_along_its_whole_length_misses_the_time_target()
    {
        // DEATH_CERT + HUKOU_CANCEL: 2 days separately, 2 along the chain: no time saved in the plan.
        var figures = For(["DEATH_CERT", "HUKOU_CANCEL"]);

        Assert.Equal(0.0, figures.Time.Reduction);
        Assert.Equal(7, figures.Materials.Separately);
        Assert.Equal(3, figures.Materials.HandedIn);
        Assert.False(figures.MeetsTarget);
    }
}
