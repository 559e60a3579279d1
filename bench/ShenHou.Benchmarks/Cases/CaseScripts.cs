using ShenHou.Domain.Calendar;
using ShenHou.Domain.Cases;
using ShenHou.Domain.Catalog;

namespace ShenHou.Benchmarks.Cases;

/// <summary>One command of a case and the events the service decides for it.</summary>
public sealed record CaseCommand(string Kind, IReadOnlyList<object> Events);

/// <summary>A whole case as the commands that file and work it, decided by the domain's own rules.</summary>
public sealed record CaseScript(Guid Id, string CaseNumber, CaseForm Form, IReadOnlyList<CaseCommand> Commands)
{
    public int EventCount => Commands.Sum(c => c.Events.Count);
    public IEnumerable<object> AllEvents => Commands.SelectMany(c => c.Events);
}

/// <summary>Where a seeded case is left: the mix of a working service's history.</summary>
public enum CaseOutcome { Delivered, ReadyForDelivery, InProgress, AwaitingVerification, Withdrawn }

/// <summary>
/// Writes case scripts with <see cref="CaseDecisions"/> (the pure functions the endpoints call), so
/// every event, deadline and figure is what the service itself would have recorded.
/// </summary>
public sealed class CaseScripts(ServiceCatalog catalog, WorkingCalendar calendar)
{
    private static readonly IReadOnlyDictionary<string, SharingOutcome> NoRegistryAnswers = new Dictionary<string, SharingOutcome>();

    /// <summary>The lifecycle the HTTP benchmark drives: submit, verify, accept, decide, issue, deliver; nothing rejected.</summary>
    public CaseScript Lifecycle(Guid id, string caseNumber, CaseForm form, DateTimeOffset start) =>
        Write(id, caseNumber, form, start, CaseOutcome.Delivered, new Random(id.GetHashCode()), rejectShare: 0);

    public CaseScript Write(Guid id, string caseNumber, CaseForm form, DateTimeOffset start, CaseOutcome outcome,
        Random random, double rejectShare = 0.05)
    {
        var at = start;
        var clerk = $"window-{form.RegionCode}-01";
        Stamp Next(string actor) => new(actor, at = at.AddMinutes(random.Next(5, 180)));
        var commands = new List<CaseCommand>();

        var submitted = CaseDecisions.Submit(catalog, id, caseNumber, form.RegionCode, form.Channel, form.Items,
            form.Applicant, form.Deceased, form.Payout, form.Heir, new Stamp(clerk, start));
        // Unknown people: the registries cannot vouch, so shared materials go to the window too.
        var shared = CaseDecisions.VerifyThroughSharing(submitted, NoRegistryAnswers, start);
        var state = Case.Create(submitted);
        void Emit(string kind, IReadOnlyList<object> events)
        {
            commands.Add(new CaseCommand(kind, events));
            foreach (var e in events.Where(e => e is not CaseSubmitted)) ((dynamic)state).Apply((dynamic)e);
        }
        Emit("submit", [submitted, .. shared]);

        var toVerify = state.Materials.Where(m => m.Value.HandIn).Select(m => m.Key).ToArray();
        var verified = outcome == CaseOutcome.AwaitingVerification ? random.Next(toVerify.Length) : toVerify.Length;
        foreach (var code in toVerify.Take(verified))
            Emit("verify", [CaseDecisions.VerifyMaterial(state, code, true, null, Next(clerk))]);
        if (outcome == CaseOutcome.AwaitingVerification) return Done();
        if (outcome == CaseOutcome.Withdrawn && random.Next(2) == 0) return Withdraw();

        Emit("accept", CaseDecisions.Accept(state, Next(clerk), calendar));
        var stopAfter = outcome is CaseOutcome.InProgress or CaseOutcome.Withdrawn ? random.Next(0, state.Items.Count) : int.MaxValue;
        var actions = 0;
        while (state.Status == CaseStatus.Accepted)
        {
            var open = state.Items.Where(i => i.Value.Status is ItemStatus.Transferred or ItemStatus.Approved)
                .OrderBy(i => i.Key, StringComparer.Ordinal).ToArray();
            foreach (var (code, item) in open)
            {
                if (actions++ >= stopAfter) return outcome == CaseOutcome.Withdrawn ? Withdraw() : Done();
                var reviewer = $"{item.Department.ToLowerInvariant()}-{form.RegionCode}-01";
                if (item.Status == ItemStatus.Transferred)
                {
                    var rejected = random.NextDouble() < rejectShare;
                    Emit("decide", CaseDecisions.Decide(state, code, !rejected, rejected ? "不符合领取条件" : null, Next(reviewer)));
                    if (rejected) continue;
                }
                Emit("issue", CaseDecisions.Issue(state, code, $"REF-{code}-{random.Next(1_000_000)}", Next(reviewer), calendar));
            }
        }
        if (outcome == CaseOutcome.Delivered)
            Emit("deliver", [CaseDecisions.Deliver(state, DeliveryMethod.Window, Next(clerk), calendar)]);
        return Done();

        CaseScript Withdraw()
        {
            Emit("withdraw", [CaseDecisions.Withdraw(state, "家属决定自行办理", Next(clerk))]);
            return Done();
        }
        CaseScript Done() => new(id, caseNumber, form, commands);
    }
}
