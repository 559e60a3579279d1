namespace ShenHou.Domain.Cases;

/// <summary>The state checks the decisions share.</summary>
public static partial class CaseDecisions
{
    private static Dictionary<string, ItemStatus> RequireItem(
        Case current, string item, ItemStatus expected, string zhAction, string enAction, Stamp stamp)
    {
        RequireStatus(current, CaseStatus.Accepted, zhAction, enAction);
        var state = current.Items[item];
        if (state.Status != expected)
        {
            var waitingFor = current.Blocking(item).Where(w => current.Items[w].Status != ItemStatus.Issued).ToArray();
            var why = state.Status == ItemStatus.Waiting
                ? ($"事项 {item} 正在等待前置事项 {string.Join("、", waitingFor)} 出证",
                   $"item {item} is waiting for {string.Join(", ", waitingFor)} to be issued")
                : ($"事项 {item} 的状态为 {state.Status}，须为 {expected}",
                   $"item {item} is {state.Status}; it must be {expected} to {enAction} it");
            throw new CaseRuleViolation(state.Status == ItemStatus.Waiting ? "item-waiting" : "item-wrong-status",
                why.Item1, why.Item2);
        }
        if (state.ClaimedBy is { } claimer && claimer != stamp.Actor) throw ClaimedByOther(item, claimer);
        return current.Items.ToDictionary(i => i.Key, i => i.Value.Status);
    }

    private static void RequireStatus(Case current, CaseStatus expected, string zhAction, string enAction)
    {
        if (current.Status != expected) throw Wrong(current, zhAction, enAction, expected);
    }

    private static CaseRuleViolation Wrong(Case current, string zhAction, string enAction, CaseStatus? expected = null) =>
        new("case-wrong-status",
            $"办件状态为 {current.Status}，不能{zhAction}" + (expected is null ? "" : $"（须为 {expected}）"),
            $"the case is {current.Status}; " + (expected is null ? $"you cannot {enAction} now" : $"it must be {expected} to {enAction}"));
}
