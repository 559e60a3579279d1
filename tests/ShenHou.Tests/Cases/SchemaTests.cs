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
}
