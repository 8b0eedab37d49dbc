using Tocsin.Core.Controls;
using Tocsin.Core.Exceptions;
using Tocsin.Core.Yaml;
using Tocsin.Fuzz.Tests.Harness;

namespace Tocsin.Fuzz.Tests.Loaders;

[Collection(FuzzCollection.Name)]
public class ExceptionFileFuzzTests(ITestOutputHelper output)
{
    private static readonly string[] Fields = ["control", "account", "accounts", "region", "resource", "owner", "reason", "expires", "note"];

    private static readonly object?[] Values =
    [
        "console-signin-without-mfa", "root-account-usage", "CloudWatch.3", "4.2", "no-such-control", "111111111111", "11111111111", "1111111111112",
        "eu-west-1", "arn:aws:cloudtrail:us-east-1:111111111111:trail/t", "security@example.com", "Break-glass", "2027-03-31", "2027-02-30",
        "31/03/2027", "", " ", "a\0b", "\u2028", "😀", null, new List<object?>(), new Dictionary<string, object?>(),
        new List<object?> { "111111111111", "222222222222" }, new List<object?> { new List<object?> { "111111111111" } },
    ];

    [Fact]
    public void An_exceptions_file_is_loaded_or_refused_with_its_line_and_column()
    {
        var target = new FuzzTarget<string>("exceptions file loader", Generate, text => text.Length * 2L, Printable.Text, Check) { Warmup = "exceptions: []\n" };
        FuzzCampaign.Run(target, output).ShouldBeGreaterThan(0);
    }

    private static string Generate(Random random)
    {
        if (random.Next(20) == 0)
            return AliasBombs.Under("exceptions", random.Next(1, 9), "{control: root-account-usage}");
        var entries = new List<object?>();
        for (var i = random.Next(0, 4); i > 0; i--)
        {
            var entry = new Dictionary<string, object?>();
            foreach (var field in Fields.Where(_ => random.Next(3) != 0))
                entry[field] = field == "note" || random.Next(3) == 0 ? Values[random.Next(Values.Length)] : Typical(field);
            entries.Add(random.Next(15) == 0 ? Values[random.Next(Values.Length)] : entry);
        }

        var top = new Dictionary<string, object?> { ["exceptions"] = random.Next(15) == 0 ? "none" : entries };
        if (random.Next(15) == 0)
            top["extra"] = "field";
        var text = YamlText.Write(random, top);
        return random.Next(3) == 0 ? Mutations.Mutate(random, text, YamlTokens.All) : Mutations.Reencode(random, text);
    }

    private static string Typical(string field) => field switch
    {
        "control" => "console-signin-without-mfa",
        "account" => "111111111111",
        "accounts" => "[\"111111111111\"]",
        "region" => "eu-west-1",
        "resource" => "arn:aws:cloudtrail:us-east-1:111111111111:trail/t",
        "owner" => "security@example.com",
        "reason" => "Break-glass account",
        _ => "2027-03-31",
    };

    private static void Check(string text)
    {
        try
        {
            ExceptionFile.Parse(new StringReader(text), "exceptions.yaml", name => ControlCatalog.Default.Find(name) is not null);
        }
        catch (YamlFileException refused)
        {
            YamlRefusals.ShouldNameThePlace(refused, "exceptions.yaml");
        }
    }
}
