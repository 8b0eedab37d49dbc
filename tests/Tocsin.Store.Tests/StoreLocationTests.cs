using Npgsql;

namespace Tocsin.Store.Tests;

public class StoreLocationTests
{
    private static Func<string, string?> Environment(params (string Name, string Value)[] values) =>
        name => values.FirstOrDefault(v => v.Name == name).Value;

    [Fact]
    public void Without_a_flag_or_TOCSIN_STORE_the_store_is_a_SQLite_file_in_the_XDG_data_directory()
    {
        var location = StoreLocation.Resolve(null, false, Environment(("XDG_DATA_HOME", "/data/me"), ("HOME", "/home/me")))!;

        location.Kind.ShouldBe(StoreKind.Sqlite);
        location.Display.ShouldBe("/data/me/tocsin/tocsin.db");
    }

    [Fact]
    public void A_relative_XDG_data_directory_is_ignored_as_the_specification_says_and_the_home_folder_is_used()
    {
        StoreLocation.Resolve(null, false, Environment(("XDG_DATA_HOME", "relative"), ("HOME", "/home/me")))!.Display.ShouldBe("/home/me/.local/share/tocsin/tocsin.db");
    }

    [Fact]
    public void The_flag_wins_over_TOCSIN_STORE_which_wins_over_the_default()
    {
        var environment = Environment(("TOCSIN_STORE", "/from/env.db"), ("HOME", "/home/me"));

        StoreLocation.Resolve("/from/flag.db", false, environment)!.Display.ShouldBe("/from/flag.db");
        StoreLocation.Resolve(null, false, environment)!.Display.ShouldBe("/from/env.db");
    }

    [Fact]
    public void No_store_means_nothing_is_recorded_and_contradicts_a_store_flag()
    {
        StoreLocation.Resolve(null, true, Environment(("TOCSIN_STORE", "/from/env.db"))).ShouldBeNull();
        Should.Throw<StoreException>(() => StoreLocation.Resolve("/x.db", true, Environment())).Message.ShouldContain("--no-store");
    }

    [Fact]
    public void A_PostgreSQL_URL_becomes_a_connection_string_with_its_user_password_port_database_and_ssl_mode()
    {
        var location = StoreLocation.Parse("postgresql://scanner:s%40cret@db.example.com:6432/tocsin?sslmode=verify-full");

        location.Kind.ShouldBe(StoreKind.PostgreSql);
        var built = new NpgsqlConnectionStringBuilder(location.ConnectionString);
        built.Host.ShouldBe("db.example.com");
        built.Port.ShouldBe(6432);
        built.Database.ShouldBe("tocsin");
        built.Username.ShouldBe("scanner");
        built.Password.ShouldBe("s@cret");
        built.SslMode.ShouldBe(SslMode.VerifyFull);
    }

    [Fact]
    public void The_password_of_a_PostgreSQL_URL_never_shows_in_what_Tocsin_prints()
    {
        var location = StoreLocation.Parse("postgres://scanner:hunter2@127.0.0.1/tocsin");

        location.Display.ShouldBe("postgres://scanner:***@127.0.0.1/tocsin");
        location.ToString().ShouldNotContain("hunter2");
    }

    [Fact]
    public void A_PostgreSQL_URL_without_a_host_or_with_an_unknown_parameter_is_refused_in_words()
    {
        Should.Throw<StoreException>(() => StoreLocation.Parse("postgresql:///tocsin")).Message.ShouldContain("not a PostgreSQL URL");
        Should.Throw<StoreException>(() => StoreLocation.Parse("postgresql://h/db?frobnicate=1")).Message.ShouldContain("frobnicate");
    }
}
