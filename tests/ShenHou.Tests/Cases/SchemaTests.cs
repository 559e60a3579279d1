using Marten;
using Microsoft.Extensions.DependencyInjection;
using ShenHou.Tests.Support;

namespace ShenHou.Tests.Cases;

/// <summary>
/// Production applies the schema as a deploy step (db-apply); a started service must then find
/// nothing left to change, or every deploy would rewrite objects (a function, a trigger) that are
/// in fact unchanged.
/// </summary>
public sealed class SchemaTests(AppFixture app) : ApiTest(app)
{
    [Fact]
    public async Task the_applied_schema_matches_the_configuration()
    {
        var store = Host.Services.GetRequiredService<IDocumentStore>();
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        await store.Storage.Database.AssertDatabaseMatchesConfigurationAsync();
    }

    [Fact]
    public async Task the_window_view_totals_start_from_the_cases_already_there_when_added_to_a_database()
    {
        await Api.Submit(Forms.For("DEATH_CERT"));
        await Api.Submit(Forms.For("HUKOU_CANCEL"));
        await Projected();
        var store = Host.Services.GetRequiredService<IDocumentStore>();
        await using (var session = store.LightweightSession())
        {
            // An older database: the summaries exist, the kept totals do not.
            session.QueueSqlCommand($"drop table {ShenHou.Api.Cases.CaseCounts.TableName}");
            await session.SaveChangesAsync();
        }

        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();

        var list = await Api.GetAs<ShenHou.Api.Cases.CaseList>("/api/cases", Staff.Window());
        Assert.Equal(2, list.Total);
    }
}
