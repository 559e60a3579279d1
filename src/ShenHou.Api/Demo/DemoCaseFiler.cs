using System.Net;
using ShenHou.Api.Access;
using ShenHou.Api.Cases;
using ShenHou.Api.DataSharing;
using ShenHou.Api.Work;
using ShenHou.Domain.Cases;
using ShenHou.Domain.Catalog;
using ShenHou.Projections.Cases;

namespace ShenHou.Api.Demo;

/// <summary>
/// Files demo cases through the real HTTP command path, as window staff and departments would:
/// submit the Annex 1 form, verify what was handed in (with correction rounds), accept, then let
/// each department claim, decide and issue its items in the waiting order, and hand the results
/// out of one window. Nothing is written to the store except by the endpoints.
/// </summary>
/// <param name="http">A client whose base address is the service (the service's own loopback address, or a test server).</param>
/// <param name="clock">The service clock: deaths are placed in the weeks before its now.</param>
/// <param name="seed">The run's seed: the same seed files the same shapes of cases.</param>
/// <param name="tokens">Signs each demo actor's token (the service's own key).</param>
/// <param name="filed">Told each case's id as soon as it is submitted (the department simulator leaves these alone).</param>
public sealed class DemoCaseFiler(HttpClient http, ServiceCatalog catalog, TimeProvider clock, int seed, TokenIssuer tokens,
    DemoPeople? people = null, Action<Guid>? filed = null)
{
    private readonly DemoApiClient _api = new(http, tokens);
    private readonly DemoPeople _people = people ?? DemoPeople.LoadEmbedded();

    public int Seed => seed;

    /// <summary>What case <paramref name="index"/> of this seed will be, without filing it.</summary>
    public DemoCasePlan Plan(int index) => DemoCasePlanner.Plan(catalog, _people, clock.GetUtcNow(), seed, index);

    /// <summary>Files case <paramref name="index"/> of this seed and takes it as far as its plan says.</summary>
    /// <exception cref="DemoFilingException">The service refused a step.</exception>
    public async Task<FiledCase> FileAsync(int index, CancellationToken ct = default)
    {
        var plan = Plan(index);
        var run = new Run(_api, plan, new Random(DemoSeed.Mix(seed, index, 2)), clock, filed);
        return await run.Execute(ct);
    }

    private sealed class Run(DemoApiClient api, DemoCasePlan plan, Random random, TimeProvider clock, Action<Guid>? filed)
    {
        private readonly List<string> _steps = [];
        private readonly Dictionary<string, string> _reviewers = [];
        private Guid _id;
        private string _region = "";

        public async Task<FiledCase> Execute(CancellationToken ct)
        {
            _region = plan.Form.RegionCode!;
            var created = await api.Post<CaseCreated>("api/cases", plan.Form, Window(plan.SubmittedBy), HttpStatusCode.Created, ct);
            _id = created.Id;
            filed?.Invoke(_id);
            _steps.Add($"submit {created.CaseNumber}");

            if (await Intake(ct)) await Work(ct);

            var final = await api.Case(_id, ct);
            return new FiledCase(plan, _id, created.CaseNumber, final.Status,
                final.Items.ToDictionary(i => i.Code, i => i.Status), _steps);
        }

        /// <summary>Verification and correction rounds; true when the case was accepted.</summary>
        private async Task<bool> Intake(CancellationToken ct)
        {
            var toVerify = Unverified(await api.Case(_id, ct));
            switch (plan.Outcome)
            {
                case DemoOutcome.AwaitingVerification:
                    await VerifyAll(toVerify.Take(Math.Max(0, toVerify.Count - 1 - random.Next(2))), ct);
                    return false;
                case DemoOutcome.WithdrawnAtIntake:
                    await VerifyAll(toVerify.Take(random.Next(toVerify.Count + 1)), ct);
                    await Withdraw(ct);
                    return false;
            }

            for (var round = 1; round <= plan.CorrectionRounds && toVerify.Count > 0; round++)
            {
                var deficient = toVerify.OrderBy(_ => random.Next()).Take(random.Next(10) < 7 ? 1 : 2).ToArray();
                await VerifyAll(toVerify.Except(deficient), ct);
                foreach (var code in deficient)
                {
                    await Command($"materials/{code}/verification", new VerifyMaterial(false, Deficiency(code), null), Clerk, ct);
                    _steps.Add($"verify {code} failed");
                }
                await Command("correction-requests",
                    new RequestCorrection(deficient.Select(c => (DeficiencyForm?)new DeficiencyForm(c, Deficiency(c))).ToList(), null),
                    Clerk, ct);
                _steps.Add($"correction {string.Join('+', deficient)}");
                if (plan.Outcome == DemoOutcome.AwaitingCorrection) return false;

                await Command("supplements", new ReceiveSupplements(deficient.Select(c => (string?)c).ToList(),
                    DemoTexts.Supplements[random.Next(DemoTexts.Supplements.Length)], null), Clerk, ct);
                _steps.Add($"supplements {string.Join('+', deficient)}");
                toVerify = Unverified(await api.Case(_id, ct));
            }
            if (plan.Outcome == DemoOutcome.AwaitingCorrection) return false; // nothing was handed in to correct

            await VerifyAll(toVerify, ct);
            await Command("acceptance", new AcceptCase(null), Clerk, ct);
            _steps.Add("accept");
            return true;
        }

        /// <summary>The departments work every item they have, round after round, in the waiting order.</summary>
        private async Task Work(CancellationToken ct)
        {
            var inProgress = plan.Outcome is DemoOutcome.InProgress or DemoOutcome.WithdrawnInProgress;
            var actions = 0;
            var extend = plan.ExtensionDays > 0;
            for (var round = 0; round < 50; round++)
            {
                var details = await api.Case(_id, ct);
                if (details.Status != CaseStatus.Accepted) break;
                var open = details.Items.Where(i => i.Status is ItemStatus.Transferred or ItemStatus.Approved)
                    .OrderByDescending(i => i.TimeLimitWorkingDays).ThenBy(i => i.Code, StringComparer.Ordinal).ToArray();
                if (open.Length == 0) throw new DemoFilingException($"case {_id} is accepted but no item is with a department");
                foreach (var item in open)
                {
                    if (inProgress && actions >= plan.StopAfter) { await Leave(ct); return; }
                    var reviewer = Reviewer(item.Department);
                    if (item.ClaimedBy is null && random.NextDouble() < plan.ClaimChance)
                        await Step($"items/{item.Code}/claim", new ClaimItem(null), reviewer, $"claim {item.Code}", ct);
                    if (extend)
                    {
                        extend = false;
                        await Step($"items/{item.Code}/deadline-extensions", new ExtendDeadline(plan.ExtensionDays,
                            plan.ExtensionReason, $"supervisor-{_region}-01", null), reviewer, $"extend {item.Code} +{plan.ExtensionDays}", ct);
                    }
                    if (item.Status == ItemStatus.Transferred)
                    {
                        var rejected = plan.Rejections.TryGetValue(item.Code, out var reason);
                        var note = rejected ? reason : random.Next(2) == 0 ? null : DemoTexts.Approvals[random.Next(DemoTexts.Approvals.Length)];
                        await Step($"items/{item.Code}/decision", new DecideItem(!rejected, note, null), reviewer,
                            $"decide {item.Code} {(rejected ? "rejected" : "approved")}", ct);
                        actions++;
                        if (rejected || (inProgress && actions >= plan.StopAfter)) continue;
                    }
                    var reference = DemoTexts.Reference(item.Code, _region, clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)), random.Next(1, 999_999));
                    await Step($"items/{item.Code}/issuance", new IssueItem(reference, null), reviewer, $"issue {item.Code}", ct);
                    actions++;
                }
            }
            var finished = await api.Case(_id, ct);
            if (finished.Status != CaseStatus.ReadyForDelivery)
                throw new DemoFilingException($"case {_id} is {finished.Status} after the departments' work, not ReadyForDelivery");
            if (plan.Outcome is DemoOutcome.Delivered or DemoOutcome.DeliveredWithRejection or DemoOutcome.CorrectedThenDelivered)
                await Step("delivery", new DeliverCase(plan.Delivery, null), Clerk, $"deliver {plan.Delivery}", ct);
        }

        /// <summary>Stops working a case left in progress: some open items stay claimed in the queues.</summary>
        private async Task Leave(CancellationToken ct)
        {
            var current = await api.Case(_id, ct);
            foreach (var item in current.Items.Where(i => i.Status == ItemStatus.Transferred && i.ClaimedBy is null))
                if (random.NextDouble() < plan.ClaimChance)
                    await Step($"items/{item.Code}/claim", new ClaimItem(null), Reviewer(item.Department), $"claim {item.Code}", ct);
            if (plan.Outcome == DemoOutcome.WithdrawnInProgress) await Withdraw(ct);
        }

        private async Task Withdraw(CancellationToken ct) =>
            await Step("withdrawal", new WithdrawCase(plan.WithdrawalReason, null), Clerk, "withdraw", ct);

        private async Task VerifyAll(IEnumerable<string> materials, CancellationToken ct)
        {
            foreach (var code in materials)
                await Step($"materials/{code}/verification", new VerifyMaterial(true, null, null), Clerk, $"verify {code}", ct);
        }

        private async Task Step(string path, object body, DemoActor actor, string step, CancellationToken ct)
        {
            await Command(path, body, actor, ct);
            _steps.Add(step);
        }

        private Task Command(string path, object body, DemoActor actor, CancellationToken ct) =>
            api.Post($"api/cases/{_id}/{path}", body, actor, ct);

        private DemoActor Clerk => Window(plan.Clerk);

        private DemoActor Window(string userId) => new(userId, Roles.Window, null, _region);

        /// <summary>One reviewer per department per case, e.g. hrss-620100-02.</summary>
        private DemoActor Reviewer(string department)
        {
            if (!_reviewers.TryGetValue(department, out var reviewer))
                _reviewers[department] = reviewer =
                    $"{department.ToLowerInvariant().Replace('_', '-')}-{_region}-{random.Next(1, 4):D2}";
            return new DemoActor(reviewer, Roles.DepartmentReviewer, department, _region);
        }

        private static List<string> Unverified(CaseDetails details) =>
            details.Materials.Where(m => m.HandIn && m.Status != MaterialStatus.Verified).Select(m => m.Code).ToList();

        private static string Deficiency(string material) =>
            DemoTexts.Deficiencies.TryGetValue(material, out var reason) ? reason : "材料不清晰，请重新提交";
    }
}
