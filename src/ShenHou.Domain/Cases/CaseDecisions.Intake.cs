using ShenHou.Domain.Catalog;

namespace ShenHou.Domain.Cases;

/// <summary>The case's rules: pure functions from the current state and a command to new events.</summary>
public static partial class CaseDecisions
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
}
