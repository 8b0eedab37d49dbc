using Npgsql;

namespace Tocsin.Store;

/// <summary>Which database holds the runs: a SQLite file (one user, the default) or a PostgreSQL server (a team, sharded scans).</summary>
public enum StoreKind
{
    Sqlite,
    PostgreSql,
}

/// <summary>
/// Where the store is: <c>--store PATH</c> or <c>--store postgresql://…</c>, else <c>TOCSIN_STORE</c>, else
/// <c>tocsin/tocsin.db</c> in the user's data directory (<c>XDG_DATA_HOME</c>, else <c>~/.local/share</c>).
/// </summary>
/// <param name="Display">The location as messages show it: a path, or the URL with its password removed.</param>
public sealed record StoreLocation(StoreKind Kind, string ConnectionString, string Display)
{
    public const string EnvironmentVariable = "TOCSIN_STORE";

    /// <summary>The store the flags and environment choose; null with <c>--no-store</c>.</summary>
    public static StoreLocation? Resolve(string? given, bool none, Func<string, string?> environment)
    {
        if (none)
        {
            return given is null ? null : throw new StoreException("--store and --no-store contradict each other: give one");
        }

        var value = given ?? environment(EnvironmentVariable);
        return Parse(string.IsNullOrWhiteSpace(value) ? DefaultPath(environment) : value);
    }

    /// <summary>A path to a SQLite file, or a <c>postgresql://</c> (or <c>postgres://</c>) URL.</summary>
    public static StoreLocation Parse(string value)
    {
        if (value.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase) || value.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase))
        {
            return PostgreSql(value);
        }

        var path = Path.GetFullPath(value);
        return new StoreLocation(StoreKind.Sqlite, $"Data Source={path};Pooling=False;Default Timeout=60", path);
    }

    public static string DefaultPath(Func<string, string?> environment)
    {
        var data = environment("XDG_DATA_HOME");
        if (string.IsNullOrWhiteSpace(data) || !Path.IsPathRooted(data))
        {
            var home = environment("HOME");
            data = string.IsNullOrWhiteSpace(home)
                ? Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify)
                : Path.Combine(home, ".local", "share");
        }

        return Path.Combine(data, "tocsin", "tocsin.db");
    }

    public override string ToString() => Display;

    /// <summary>
    /// <c>postgresql://[user[:password]@]host[:port][/database][?param=value&amp;…]</c>, as libpq reads it; the
    /// parameters Npgsql knows (<c>sslmode</c>, <c>application_name</c>, …) pass through.
    /// </summary>
    private static StoreLocation PostgreSql(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            throw new StoreException($"--store: `{Redacted(url)}` is not a PostgreSQL URL (postgresql://user@host:port/database)");
        }

        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.IsDefaultPort || uri.Port < 0 ? 5432 : uri.Port,
            Database = Uri.UnescapeDataString(uri.AbsolutePath.Trim('/')) is { Length: > 0 } database ? database : "postgres",
            ApplicationName = "tocsin",
        };
        if (uri.UserInfo is { Length: > 0 } userInfo)
        {
            var colon = userInfo.IndexOf(':', StringComparison.Ordinal);
            builder.Username = Uri.UnescapeDataString(colon < 0 ? userInfo : userInfo[..colon]);
            if (colon >= 0)
            {
                builder.Password = Uri.UnescapeDataString(userInfo[(colon + 1)..]);
            }
        }

        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? "" : Uri.UnescapeDataString(pair[(equals + 1)..]);
            try
            {
                builder[key] = key.Equals("sslmode", StringComparison.OrdinalIgnoreCase) ? SslMode(value) : value;
            }
            catch (ArgumentException)
            {
                throw new StoreException($"--store: the PostgreSQL URL parameter `{key}` is not one Tocsin knows");
            }
        }

        return new StoreLocation(StoreKind.PostgreSql, builder.ConnectionString, Redacted(url));
    }

    /// <summary>libpq spells the modes in lower case with dashes (<c>verify-full</c>); Npgsql's names have none.</summary>
    private static string SslMode(string mode) => mode.Replace("-", "", StringComparison.Ordinal);

    /// <summary>The URL without its password, for messages: a password never reaches the output.</summary>
    internal static string Redacted(string url)
    {
        var scheme = url.IndexOf("://", StringComparison.Ordinal);
        var at = url.LastIndexOf('@');
        if (scheme < 0 || at < scheme)
        {
            return url;
        }

        var colon = url.IndexOf(':', scheme + 3);
        return colon >= 0 && colon < at ? string.Concat(url.AsSpan(0, colon), ":***", url.AsSpan(at)) : url;
    }
}
