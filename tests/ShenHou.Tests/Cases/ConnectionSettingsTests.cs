using Npgsql;
using ShenHou.Api.Infrastructure;

namespace ShenHou.Tests.Cases;

public sealed class ConnectionSettingsTests
{
    [Fact]
    public void statements_are_prepared_unless_the_connection_string_says_otherwise()
    {
        var given = new NpgsqlConnectionStringBuilder(ConnectionSettings.WithStatementReuse("Host=db;Database=shenhou;Username=app"));
        Assert.Equal((64, "db", "shenhou"), (given.MaxAutoPrepare, given.Host, given.Database));

        var own = new NpgsqlConnectionStringBuilder(ConnectionSettings.WithStatementReuse("Host=db;MaxAutoPrepare=0"));
        Assert.Equal(0, own.MaxAutoPrepare);
        Assert.Equal(5, new NpgsqlConnectionStringBuilder(ConnectionSettings.WithStatementReuse("Host=db;Max Auto Prepare=5")).MaxAutoPrepare);
    }
}
