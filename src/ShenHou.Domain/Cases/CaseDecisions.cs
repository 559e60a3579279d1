using ShenHou.Domain.Catalog;

namespace ShenHou.Domain.Cases;

/// <summary>The case's rules: pure functions from the current state and a command to new events.</summary>
public static class CaseDecisions
{
    public static CaseSubmitted Submit(
        ServiceCatalog catalog, Guid caseId, string caseNumber, string regionCode, Channel channel,
        IReadOnlyList<string> items, Applicant applicant, Deceased deceased,
        PayoutAccount? payout, HeirAccount? heir, Stamp stamp, Assistance? assistance = null) =>
        new(caseId, caseNumber, regionCode, channel, catalog.Version,
            CasePlanning.PlanItems(catalog, items), CasePlanning.PlanMaterials(catalog, items),
            applicant, deceased, payout, heir, assistance, stamp.Actor, stamp.At);

    /// <summary>
    /// 材料自动核验: a registry's word verifies a shared material without staff; anything short of
    /// it (no record, a mismatch, no answer) sends the material to the window instead.
    /// </summary>
    public static IReadOnlyList<object> VerifyThroughSharing(
        CaseSubmitted submitted, IReadOnlyDictionary<string, SharingOutcome> outcomes, DateTimeOffset at) =>
        submitted.Materials
            .Where(m => m.Source == MaterialSource.SharedData)
            .Select(m => outcomes.TryGetValue(m.Code, out var o) && o.Vouched
                ? (object)new MaterialVerified(submitted.CaseId, m.Code, true, o.Detail, VerificationMethod.DataSharing,
                    m.Registry, m.Registry!, at)
                : new MaterialRoutedToManualVerification(submitted.CaseId, m.Code, m.Registry!,
                    o?.Detail ?? "未查询 / not checked", m.Registry!, at))
            .ToArray();

    /// <summary>一次性告知补正: every deficient material in one round; the case then waits for the applicant.</summary>
    public static CorrectionRequested RequestCorrection(Case current, IReadOnlyList<MaterialDeficiency> materials, Stamp stamp)
    {
        RequireStatus(current, CaseStatus.Submitted, "要求补正", "request corrections");
        foreach (var m in materials.Where(m => !current.Materials[m.MaterialCode].HandIn))
            throw new CaseRuleViolation("material-not-handed-in",
                $"材料 {m.MaterialCode} 无需申请人提交，不能要求补正",
                $"material {m.MaterialCode} is not one the applicant hands in, so it cannot be corrected");
        return new CorrectionRequested(current.Id, current.CorrectionRounds + 1, materials, stamp.Actor, stamp.At);
    }

    /// <summary>The applicant brings everything the open round asked for, in one go.</summary>
    public static SupplementsReceived ReceiveSupplements(Case current, IReadOnlyList<string> materials, string? note, Stamp stamp)
    {
        RequireStatus(current, CaseStatus.AwaitingCorrection, "接收补正材料", "receive supplements");
        var missing = current.AwaitedMaterials.Except(materials).ToArray();
        if (missing.Length > 0)
            throw new CaseRuleViolation("supplements-incomplete",
                $"补正材料不全，仍缺：{string.Join("、", missing)}",
                $"the supplements are incomplete; still missing: {string.Join(", ", missing)}");
        var extra = materials.Except(current.AwaitedMaterials).ToArray();
        if (extra.Length > 0)
            throw new CaseRuleViolation("material-not-requested",
                $"本轮补正未要求以下材料：{string.Join("、", extra)}",
                $"this correction round did not ask for: {string.Join(", ", extra)}");
        return new SupplementsReceived(current.Id, current.CorrectionRounds, materials, note, stamp.Actor, stamp.At);
    }

    public static MaterialVerified VerifyMaterial(Case current, string material, bool passed, string? reason, Stamp stamp)
    {
        RequireStatus(current, CaseStatus.Submitted, "材料核验", "verify materials");
        if (!current.Materials.TryGetValue(material, out var m) || !m.HandIn)
            throw new CaseRuleViolation("material-not-handed-in",
                $"材料 {material} 无需申请人提交，不能核验",
                $"material {material} is not one the applicant hands in for this case, so it cannot be verified");
        return new MaterialVerified(current.Id, material, passed, reason, VerificationMethod.Manual, null,
            stamp.Actor, stamp.At);
    }

    /// <summary>受理: every material to hand in is verified; items with nothing to wait for go to their departments.</summary>
    public static IReadOnlyList<object> Accept(Case current, Stamp stamp)
    {
        RequireStatus(current, CaseStatus.Submitted, "受理", "accept the case");
        var missing = current.Materials
            .Where(m => m.Value.HandIn && m.Value.Status != MaterialStatus.Verified)
            .Select(m => m.Key).ToArray();
        if (missing.Length > 0)
            throw new CaseRuleViolation("materials-not-verified",
                $"以下材料尚未核验通过：{string.Join("、", missing)}",
                $"these materials are not verified yet: {string.Join(", ", missing)}");

        var events = new List<object> { new CaseAccepted(current.Id, stamp.Actor, stamp.At) };
        events.AddRange(current.Items
            .Where(i => i.Value.WaitingFor.Count == 0)
            .Select(i => Transfer(current, i.Key, stamp)));
        return events;
    }

    public static IReadOnlyList<object> Decide(Case current, string item, bool approved, string? reason, Stamp stamp)
    {
        var state = RequireItem(current, item, ItemStatus.Transferred, "审批", "decide");
        if (approved)
            return [new ItemApproved(current.Id, item, reason, stamp.Actor, stamp.At)];

        var events = new List<object> { new ItemRejected(current.Id, item, reason!, null, stamp.Actor, stamp.At) };
        state[item] = ItemStatus.Rejected;
        CloseDependentsOf(current, item, state, events, stamp);
        AddReadyIfFinished(current, state, events, stamp);
        return events;
    }

    /// <summary>Issuing a result may release the items that wait for what it produced.</summary>
    public static IReadOnlyList<object> Issue(Case current, string item, string reference, Stamp stamp)
    {
        var state = RequireItem(current, item, ItemStatus.Approved, "出证", "issue");
        var events = new List<object> { new ItemIssued(current.Id, item, reference, stamp.Actor, stamp.At) };
        state[item] = ItemStatus.Issued;
        foreach (var (code, waiting) in current.Items)
        {
            if (state[code] == ItemStatus.Waiting && waiting.WaitingFor.Contains(item)
                && waiting.WaitingFor.All(w => state[w] == ItemStatus.Issued))
            {
                events.Add(Transfer(current, code, stamp));
                state[code] = ItemStatus.Transferred;
            }
        }
        AddReadyIfFinished(current, state, events, stamp);
        return events;
    }

    public static CaseDelivered Deliver(Case current, DeliveryMethod method, Stamp stamp)
    {
        RequireStatus(current, CaseStatus.ReadyForDelivery, "出件", "deliver the results");
        return new CaseDelivered(current.Id, method, stamp.Actor, stamp.At);
    }

    public static CaseWithdrawn Withdraw(Case current, string reason, Stamp stamp)
    {
        if (current.Status is not (CaseStatus.Submitted or CaseStatus.AwaitingCorrection or CaseStatus.Accepted))
            throw new CaseRuleViolation("case-not-open",
                $"办件状态为 {current.Status}，已不能撤回",
                $"the case is {current.Status} and can no longer be withdrawn");
        return new CaseWithdrawn(current.Id, reason, stamp.Actor, stamp.At);
    }

    private static ItemTransferred Transfer(Case current, string item, Stamp stamp) =>
        new(current.Id, item, current.Items[item].Department, stamp.Actor, stamp.At);

    /// <summary>Items that can never get the material a rejected item would have produced are closed too.</summary>
    private static void CloseDependentsOf(
        Case current, string rejected, Dictionary<string, ItemStatus> state, List<object> events, Stamp stamp)
    {
        foreach (var (code, item) in current.Items)
        {
            if (state[code] != ItemStatus.Waiting || !item.WaitingFor.Contains(rejected)) continue;
            state[code] = ItemStatus.Rejected;
            events.Add(new ItemRejected(current.Id, code,
                $"前置事项 {rejected} 未通过 / prerequisite {rejected} was rejected", rejected, stamp.Actor, stamp.At));
            CloseDependentsOf(current, code, state, events, stamp);
        }
    }

    private static void AddReadyIfFinished(
        Case current, Dictionary<string, ItemStatus> state, List<object> events, Stamp stamp)
    {
        if (state.Values.All(s => s is ItemStatus.Issued or ItemStatus.Rejected))
            events.Add(new CaseReadyForDelivery(current.Id, stamp.Actor, stamp.At));
    }

    private static Dictionary<string, ItemStatus> RequireItem(
        Case current, string item, ItemStatus expected, string zhAction, string enAction)
    {
        RequireStatus(current, CaseStatus.Accepted, zhAction, enAction);
        var status = current.Items[item].Status;
        if (status != expected)
        {
            var waitingFor = current.Items[item].WaitingFor.Where(w => current.Items[w].Status != ItemStatus.Issued);
            var why = status == ItemStatus.Waiting
                ? ($"事项 {item} 正在等待前置事项 {string.Join("、", waitingFor)} 出证",
                   $"item {item} is waiting for {string.Join(", ", waitingFor)} to be issued")
                : ($"事项 {item} 的状态为 {status}，须为 {expected}",
                   $"item {item} is {status}; it must be {expected} to {enAction} it");
            throw new CaseRuleViolation(status == ItemStatus.Waiting ? "item-waiting" : "item-wrong-status",
                why.Item1, why.Item2);
        }
        return current.Items.ToDictionary(i => i.Key, i => i.Value.Status);
    }

    private static void RequireStatus(Case current, CaseStatus expected, string zhAction, string enAction)
    {
        if (current.Status != expected)
            throw new CaseRuleViolation("case-wrong-status",
                $"办件状态为 {current.Status}，不能{zhAction}（须为 {expected}）",
                $"the case is {current.Status}; it must be {expected} to {enAction}");
    }
}
