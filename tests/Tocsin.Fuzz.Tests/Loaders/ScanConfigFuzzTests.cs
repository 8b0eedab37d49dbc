using Tocsin.Cli.Configuration;
using Tocsin.Core.Yaml;
using Tocsin.Fuzz.Tests.Harness;

namespace Tocsin.Fuzz.Tests.Loaders;

[Collection(FuzzCollection.Name)]
public class ScanConfigFuzzTests(ITestOutputHelper output)
{
    private static readonly object?[] Odd =
    [
        "", " ", "a\0b", "\u2028", "😀", "-1", "0", "2147483648", "yes", "True", "../../x", "/abs", "C:\\x", "\\\\server\\share", null,
        new List<object?>(), new Dictionary<string, object?>(), new List<object?> { new List<object?>() },
    ];

    [Fact]
    public void A_tocsin_yaml_is_loaded_or_refused_with_its_line_and_column()
    {
        var target = new FuzzTarget<string>("tocsin.yaml loader", Generate, text => text.Length * 2L, Printable.Text, Check) { Warmup = "targets:\n  - name: a\n" };
        FuzzCampaign.Run(target, output).ShouldBeGreaterThan(0);
    }

    private static string Generate(Random random)
    {
        if (random.Next(20) == 0)
            return AliasBombs.Under("targets", random.Next(1, 9), "{name: a}");
        object? Pick(object? typical) => random.Next(4) == 0 ? Odd[random.Next(Odd.Length)] : typical;
        var targets = new List<object?>();
        for (var i = random.Next(0, 3); i > 0; i--)
        {
            var target = new Dictionary<string, object?>();
            void Maybe(string key, object? value)
            {
                if (random.Next(2) == 0)
                    target[key] = Pick(value);
            }

            target["name"] = Pick("prod");
            Maybe("profile", "prod");
            Maybe("organization", random.Next(2) == 0 ? "true" : "false");
            Maybe("roleName", "OrganizationAccountAccessRole");
            Maybe("externalId", "x-1");
            Maybe("sessionName", "tocsin");
            Maybe("accounts", new List<object?> { "111111111111", random.Next(3) == 0 ? "1111" : "222222222222" });
            Maybe("regions", new List<object?> { "us-east-1", random.Next(3) == 0 ? "mars-1" : "eu-west-1" });
            targets.Add(target);
        }

        var top = new Dictionary<string, object?> { ["targets"] = targets };
        void Top(string key, object? value)
        {
            if (random.Next(3) == 0)
                top[key] = Pick(value);
        }

        Top("controls", new List<object?> { "console-signin-without-mfa", random.Next(3) == 0 ? "nope" : "4.3" });
        Top("exceptions", "exceptions.yaml");
        Top("concurrency", "4");
        Top("endpointUrl", "http://localhost:4566");
        Top("report", new Dictionary<string, object?>
        {
            ["format"] = Pick(random.Next(2) == 0 ? "json,sarif" : "table"),
            ["output"] = Pick("out"),
            ["failOn"] = Pick("fail"),
            ["mode"] = Pick("semantic"),
            ["strict"] = Pick("true"),
        });
        if (random.Next(20) == 0)
            top["unknown"] = "x";
        var text = YamlText.Write(random, top);
        return random.Next(3) == 0 ? Mutations.Mutate(random, text, YamlTokens.All) : Mutations.Reencode(random, text);
    }

    private static void Check(string text)
    {
        try
        {
            ScanConfigFile.Parse(new StringReader(text), "tocsin.yaml");
        }
        catch (YamlFileException refused)
        {
            YamlRefusals.ShouldNameThePlace(refused, "tocsin.yaml");
        }
    }
}
