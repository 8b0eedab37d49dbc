using Npgsql;

namespace Tocsin.Tests;

/// <summary>
/// A fresh, empty database of its own for one test, on the PostgreSQL server <c>TOCSIN_TEST_POSTGRES</c> names
/// (<c>postgresql://USER[:PASSWORD]@HOST[:PORT]/DATABASE</c>; <c>./test.sh</c> starts a throwaway one with
/// <c>.ci/postgres.sh</c>), dropped when disposed. With no server the test is skipped outside CI and fails under
/// CI, as <see cref="RequiredTool"/> does. Such a test is a <c>[SkippableFact]</c>.
/// </summary>
public sealed class PostgresDatabase : IAsyncDisposable
{
    public const string ServerVariable = "TOCSIN_TEST_POSTGRES";

    private readonly string _serverConnection;

    private PostgresDatabase(string name, string url, string serverConnection)
    {
        Name = name;
        Url = url;
        _serverConnection = serverConnection;
    }

    /// <summary>The database's name, unique to this test.</summary>
    public string Name { get; }

    /// <summary>The database as a user passes it to Tocsin: <c>postgresql://USER@HOST:PORT/NAME</c>.</summary>
    public string Url { get; }

    /// <summary>The same database as an Npgsql connection string.</summary>
    public string ConnectionString => ConnectionStringOf(Url);

    public static async Task<PostgresDatabase> CreateAsync()
    {
        var server = Environment.GetEnvironmentVariable(ServerVariable);
        if (string.IsNullOrWhiteSpace(server))
        {
            RequiredTool.Missing(
                $"no PostgreSQL server: {ServerVariable} is not set",
                $"apt-get install postgresql (./test.sh then starts a throwaway one), or set {ServerVariable}=postgresql://USER@HOST:PORT/DATABASE");
        }

        var serverConnection = ConnectionStringOf(server!);
        var name = $"tocsin_test_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(serverConnection))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }

        var url = new UriBuilder(new Uri(server!)) { Path = "/" + name }.Uri.ToString();
        return new PostgresDatabase(name, url, serverConnection);
    }

    public async ValueTask DisposeAsync()
    {
        await using var connection = new NpgsqlConnection(_serverConnection);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// An Npgsql connection string from a <c>postgresql://</c> (or <c>postgres://</c>) URL: user, password, host,
    /// port and database from their places, each query parameter as the Npgsql keyword of that name.
    /// </summary>
    public static string ConnectionStringOf(string url)
    {
        var uri = new Uri(url);
        if (uri.Scheme is not ("postgresql" or "postgres"))
        {
            throw new ArgumentException($"{url} is not a postgresql:// URL", nameof(url));
        }

        var user = uri.UserInfo.Split(':', 2);
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.IsDefaultPort || uri.Port < 0 ? 5432 : uri.Port,
            Database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')) is { Length: > 0 } database ? database : "postgres",
            Username = user[0].Length > 0 ? Uri.UnescapeDataString(user[0]) : null,
            Password = user.Length > 1 ? Uri.UnescapeDataString(user[1]) : null,
        };
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=', 2);
            builder[Uri.UnescapeDataString(parts[0])] = parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : "";
        }

        return builder.ConnectionString;
    }
}
