using Npgsql;

namespace Tocsin.Cli.Tests;

/// <summary>The PostgreSQL the run-history tests write to: each test gets a database of its own, empty, dropped after.</summary>
public class PostgresDatabaseTests
{
    [SkippableFact]
    public async Task Each_test_gets_an_empty_database_of_its_own_that_is_dropped_after_it()
    {
        string name;
        await using (var first = await PostgresDatabase.CreateAsync())
        await using (var second = await PostgresDatabase.CreateAsync())
        {
            name = first.Name;
            first.Url.ShouldEndWith("/" + first.Name);
            (await Scalar<long>(first, "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'")).ShouldBe(0);

            await Scalar<int>(first, "CREATE TABLE runs (id text PRIMARY KEY); INSERT INTO runs VALUES ('run-1'); SELECT 1");

            (await Scalar<long>(first, "SELECT count(*) FROM runs")).ShouldBe(1);
            (await Scalar<long>(second, "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'")).ShouldBe(0);
        }

        await using var server = new NpgsqlConnection(PostgresDatabase.ConnectionStringOf(Environment.GetEnvironmentVariable(PostgresDatabase.ServerVariable)!));
        await server.OpenAsync();
        await using var exists = new NpgsqlCommand("SELECT count(*) FROM pg_database WHERE datname = @name", server) { Parameters = { new("name", name) } };
        ((long)(await exists.ExecuteScalarAsync())!).ShouldBe(0);
    }

    [Theory]
    [InlineData("postgresql://tocsin@127.0.0.1:5433/postgres", "Host=127.0.0.1;Port=5433;Database=postgres;Username=tocsin")]
    [InlineData("postgres://writer:p%40ss@db.example.com/history?sslmode=require", "Host=db.example.com;Port=5432;Database=history;Username=writer;Password=p@ss;SSL Mode=Require")]
    public void A_postgresql_url_names_the_same_server_user_and_database_as_its_connection_string(string url, string expected)
    {
        new NpgsqlConnectionStringBuilder(PostgresDatabase.ConnectionStringOf(url)).ShouldBe(new NpgsqlConnectionStringBuilder(expected), ignoreOrder: true);
    }

    private static async Task<T> Scalar<T>(PostgresDatabase database, string sql)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
