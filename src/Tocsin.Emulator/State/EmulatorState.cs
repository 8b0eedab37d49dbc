using System.Security.Cryptography;

namespace Tocsin.Emulator.State;

/// <summary>
/// Everything the emulator knows: organization, accounts, keys and buckets. One lock (<see cref="Gate"/>)
/// serialises operations: each is microseconds long, so this keeps the model simple without costing throughput.
/// </summary>
public sealed class EmulatorState(TimeProvider clock)
{
    public Lock Gate { get; } = new();

    public TimeProvider Clock { get; } = clock;

    public DateTimeOffset Now => Clock.GetUtcNow();

    public Organization? Organization { get; set; }

    public SortedDictionary<string, AccountState> Accounts { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, AccessKey> Keys { get; } = new(StringComparer.Ordinal);

    public SortedDictionary<string, Bucket> Buckets { get; } = new(StringComparer.Ordinal);

    /// <summary>Regions this emulator serves; requests signed for any other region are refused.</summary>
    public HashSet<string> EnabledRegions { get; } = new(Regions.All, StringComparer.Ordinal);

    /// <summary>Regions an account has not opted in to (from the fault plan): refused as AWS refuses them.</summary>
    public Func<string, string, bool> IsRegionDisabled { get; set; } = (_, _) => false;

    /// <summary>IAM actions refused with AccessDenied until allowed again (<see cref="EmulatorControl.Deny"/>): a permission taken away mid-run.</summary>
    public System.Collections.Concurrent.ConcurrentDictionary<string, bool> DeniedActions { get; } = new(StringComparer.Ordinal);

    /// <summary>Judges EventBridge event patterns (PutRule, TestEventPattern); none means patterns are only checked to be JSON objects.</summary>
    public IEventPatternMatcher? EventPatterns { get; set; }

    public AccountState? Account(string id) => Accounts.GetValueOrDefault(id);

    public AccountState AddAccount(string id, string name, string email)
    {
        var account = new AccountState(id, name, email, Now);
        Accounts[id] = account;
        return account;
    }

    /// <summary>An identifier in AWS's style (prefix + upper-case letters and digits).</summary>
    public static string NewId(string prefix, int length)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        return prefix + string.Create(length, 0, (span, _) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)];
            }
        });
    }

    public static string NewSecret(int length) =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(length)).Replace('+', 'x').Replace('/', 'y')[..length];
}
