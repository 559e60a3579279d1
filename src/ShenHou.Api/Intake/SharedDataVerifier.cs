using ShenHou.Api.DataSharing;
using ShenHou.Domain.Cases;
using ShenHou.Domain.Catalog;

namespace ShenHou.Api.Intake;

/// <summary>
/// 材料自动核验: asks the registries about a new case's shared materials, all at once. It never
/// throws for a registry's sake: a registry that is down, slow or talks nonsense yields an outcome
/// that sends the material to the window, and the submission goes on.
/// </summary>
public sealed class SharedDataVerifier(
    ServiceCatalog catalog,
    IPopulationRegistry population,
    IDeathRegistry deaths,
    ISocialSecurityRegistry socialSecurity,
    ILogger<SharedDataVerifier> log)
{
    public async Task<IReadOnlyDictionary<string, SharingOutcome>> Verify(CaseSubmitted submitted, CancellationToken ct)
    {
        var shared = submitted.Materials.Where(m => m.Source == MaterialSource.SharedData).ToArray();
        var outcomes = await Task.WhenAll(shared.Select(async m => (m.Code, Outcome: await Ask(submitted, m.Code, ct))));
        return outcomes.ToDictionary(o => o.Code, o => o.Outcome);
    }

    private async Task<SharingOutcome> Ask(CaseSubmitted submitted, string materialCode, CancellationToken ct)
    {
        var sharing = catalog.Material(materialCode).Sharing!;
        var (name, idNumber) = sharing.Subject == SharingSubject.Applicant
            ? (submitted.Applicant.Name, submitted.Applicant.IdNumber)
            : (submitted.Deceased.Name, submitted.Deceased.IdNumber);
        try
        {
            return sharing.Registry switch
            {
                RegistryNames.Population => Judge(await population.FindAsync(idNumber, ct), name,
                    p => (p.Name, $"{p.Name} {p.IdNumber[..6]}…")),
                RegistryNames.Death => Judge(await deaths.FindAsync(idNumber, ct), name,
                    d => (d.Name, $"电子死亡证明 / electronic death certificate {d.CertificateNumber}")),
                RegistryNames.SocialSecurity => JudgeCard(await socialSecurity.FindAsync(idNumber, ct), name),
                _ => new SharingOutcome(false, $"未知的共享来源 {sharing.Registry} / unknown registry"),
            };
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // Down, timed out or garbage: the family is not turned away for it.
            log.LogWarning(e, "{Registry} could not verify {Material} of case {CaseId}", sharing.Registry,
                materialCode, submitted.CaseId);
            var reason = e is RegistryUnavailableException u ? u.Reason : e.GetType().Name;
            return new SharingOutcome(false, $"共享平台暂不可用，转人工核验 / {sharing.Registry} unavailable ({reason}): verify at the window");
        }
    }

    private static SharingOutcome Judge<T>(T? record, string expectedName, Func<T, (string Name, string Evidence)> read)
        where T : class
    {
        if (record is null) return new SharingOutcome(false, "共享库无此记录 / no record in the registry");
        var (name, evidence) = read(record);
        return name == expectedName
            ? new SharingOutcome(true, evidence)
            : new SharingOutcome(false, "姓名与共享库记录不符 / the name does not match the registry's record");
    }

    private static SharingOutcome JudgeCard(SocialSecurityRecord? record, string expectedName) => record switch
    {
        null => new SharingOutcome(false, "社保库无此记录 / no record in the social security registry"),
        { Name: var n } when n != expectedName => new SharingOutcome(false, "姓名与社保记录不符 / the name does not match the social security record"),
        { CardActive: false } => new SharingOutcome(false, "社保卡未激活或未领取，请提交其他银行卡 / the card is not active: bring another bank card of the deceased"),
        _ => new SharingOutcome(true, $"社保卡 / social security card {record.CardNumberMasked}"),
    };
}
