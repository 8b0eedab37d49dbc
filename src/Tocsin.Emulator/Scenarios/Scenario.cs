using System.Reflection;
using System.Text.RegularExpressions;
using Tocsin.Emulator.State;

namespace Tocsin.Emulator.Scenarios;

/// <summary>One access key of a scenario: which account it acts in. The secret is for signing in-process only.</summary>
public sealed record ScenarioKey(string Id, string Secret, string AccountId, string User);

/// <summary>
/// What the emulator starts with: an organization, accounts with access keys, and per region their trails, log
/// groups, filters, alarms, topics and subscriptions. Read from YAML (see Scenarios/README.md) or built in.
/// </summary>
public sealed partial class Scenario
{
    public const string DefaultAccount = "123456789012";

    private Scenario(ScenarioFile file, string source)
    {
        File = file;
        Source = source;
    }

    internal ScenarioFile File { get; }

    /// <summary>Where the scenario came from (a path, <c>builtin:NAME</c> or <c>generated</c>).</summary>
    public string Source { get; }

    public IReadOnlyList<ScenarioKey> AccessKeys =>
        [.. File.Accounts.SelectMany(account => account.AccessKeys.Select(key => new ScenarioKey(key.Id, key.Secret, account.Id, key.User)))];

    public IReadOnlyList<string> AccountIds => [.. File.Accounts.Select(account => account.Id)];

    public string? ManagementAccountId => File.Organization?.ManagementAccount;

    /// <summary>The built-in scenarios' names.</summary>
    public static IReadOnlyList<string> BuiltinNames { get; } = ["demo-org"];

    /// <summary>One account, <c>123456789012</c>, in every region, with key <c>testing</c> / secret <c>testing</c> (moto's convention).</summary>
    public static Scenario Default() => From(new ScenarioFile
    {
        Accounts =
        [
            new ScenarioFile.AccountEntry
            {
                Id = DefaultAccount,
                Name = "default",
                AccessKeys = [new ScenarioFile.KeyEntry { Id = "testing", Secret = "testing", User = "testing" }],
            },
        ],
    }, "builtin:default");

    public static Scenario Builtin(string name)
    {
        if (!BuiltinNames.Contains(name))
        {
            throw new EmulatorInputException($"There is no built-in scenario '{name}'; built-in scenarios: {string.Join(", ", BuiltinNames)}.");
        }

        using var stream = typeof(Scenario).Assembly.GetManifestResourceStream($"Tocsin.Emulator.Scenarios.{name}.yaml")
            ?? throw new InvalidOperationException($"The built-in scenario {name} is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd(), $"builtin:{name}");
    }

    /// <summary>A built-in name, <c>generated:N</c> (see <see cref="ScenarioGenerator"/>) or a path to a YAML file.</summary>
    public static Scenario Resolve(string nameOrPath) =>
        BuiltinNames.Contains(nameOrPath) ? Builtin(nameOrPath) : ScenarioGenerator.FromName(nameOrPath) ?? Load(nameOrPath);

    public static Scenario Load(string path)
    {
        if (!System.IO.File.Exists(path))
        {
            throw new EmulatorInputException($"{path}: the scenario file does not exist (built-in scenarios: {string.Join(", ", BuiltinNames)}).");
        }

        return Parse(System.IO.File.ReadAllText(path), path);
    }

    public static Scenario Parse(string yaml, string source) => From(Yaml.Read<ScenarioFile>(yaml, source), source);

    internal static Scenario From(ScenarioFile file, string source)
    {
        ScenarioValidation.Check(file, source);
        return new Scenario(file, source);
    }

    internal void ApplyTo(EmulatorState state) => ScenarioLoader.Apply(File, state);

    [GeneratedRegex("^[0-9]{12}$")]
    internal static partial Regex AccountId();
}
