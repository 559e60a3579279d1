using Alba;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using ShenHou.Api.Audit;
using ShenHou.Tests.Support;

namespace ShenHou.Tests.Audit;

/// <summary>Helpers for the tamper-evidence tests: a case with history, raw SQL, the verification.</summary>
public abstract class AuditTest(AppFixture app) : ApiTest(app)
{
    /// <summary>A case taken through submission, verification, acceptance and a first decision and issuance.</summary>
    protected async Task<Guid> CaseWithHistory()
    {
        var created = await Api.Submit(Forms.For("DEATH_CERT", "HUKOU_CANCEL", "PENSION_SURVIVOR_BENEFIT"));
        await Api.VerifyAll(created.Id);
        await Api.Accept(created.Id);
        await Api.Decide(created.Id, "DEATH_CERT");
        await Api.Issue(created.Id, "DEATH_CERT");
        var version = (await Api.Get(created.Id)).Version;
        Assert.True(version >= 6, $"the case has only {version} events");
        return created.Id;
    }

    protected async Task<HistoryVerification> Verification(Guid id) =>
        (await new CaseApi(Host).GetAs<HistoryVerification>($"/api/cases/{id}/history/verification", Staff.Auditor()));

    protected async Task AssertBrokenAt(Guid id, long version)
    {
        var result = await Verification(id);
        Assert.False(result.Verified);
        Assert.Equal(version, result.FirstBrokenVersion);
        Assert.Contains(" / ", result.Reason);
    }

    /// <summary>Runs SQL as someone with write access to the database would; asserts that it changed something.</summary>
    protected async Task<int> Sql(string sql, params object[] values)
    {
        var dataSource = Host.Services.GetRequiredService<NpgsqlDataSource>();
        await using var command = dataSource.CreateCommand(sql);
        foreach (var value in values) command.Parameters.Add(new NpgsqlParameter { Value = value });
        var rows = await command.ExecuteNonQueryAsync();
        Assert.True(rows > 0, $"no row changed by: {sql}");
        return rows;
    }

    protected async Task<long> Scalar(string sql, params object[] values)
    {
        var dataSource = Host.Services.GetRequiredService<NpgsqlDataSource>();
        await using var command = dataSource.CreateCommand(sql);
        foreach (var value in values) command.Parameters.Add(new NpgsqlParameter { Value = value });
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }
}
