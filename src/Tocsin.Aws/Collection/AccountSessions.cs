using System.Collections.Concurrent;
using Tocsin.Aws.Clients;
using Tocsin.Aws.Credentials;
using Tocsin.Aws.Http;

namespace Tocsin.Aws.Collection;

/// <summary>
/// A session for each account a change is made in, reached as a scan of the same request reaches it: the starting
/// credentials for the caller's own account, the named or organization role assumed for any other.
/// </summary>
public sealed class AccountSessions : IDisposable
{
    private readonly CollectRequest _request;
    private readonly AwsTransport _transport;
    private readonly AwsSession _caller;
    private readonly string _region;
    private readonly ConcurrentDictionary<string, AwsSession> _sessions = new(StringComparer.Ordinal);

    private AccountSessions(CollectRequest request, AwsTransport transport, AwsSession caller, string region)
    {
        _request = request;
        _transport = transport;
        _caller = caller;
        _region = region;
        _sessions[caller.AccountKey] = caller;
    }

    /// <summary>The region the starting credentials call global services in (Organizations, STS).</summary>
    public string Region => _region;

    /// <summary>The account of the starting credentials.</summary>
    public string CallerAccountId => _caller.AccountKey;

    /// <summary>Calls made so far, by account.</summary>
    public IReadOnlyDictionary<string, CallStatistics> Statistics => _sessions.ToDictionary(s => s.Key, s => s.Value.Statistics, StringComparer.Ordinal);

    /// <exception cref="CollectionException">The starting credentials do not work.</exception>
    public static async Task<AccountSessions> OpenAsync(CollectRequest request, CollectorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new CollectorOptions();
        var environment = options.Environment ?? Environment.GetEnvironmentVariable;
        var retry = new RetryOptions(options.Retry, request.Concurrency, options.Delay, options.Random, options.Clock);
        var transport = new AwsTransport(new AwsEndpoints(request.EndpointUrl, environment), retry, options.Handler, options.CallLog);
        try
        {
            var (credentials, region) = Collector.StartingCredentials(request, environment);
            var statistics = new CallStatistics();
            var identity = await Collector.CallerAsync(new AwsSession(transport, credentials, "caller", statistics), region, cancellationToken);
            return new AccountSessions(request, transport, new AwsSession(transport, credentials, identity.Account, statistics), region);
        }
        catch
        {
            transport.Dispose();
            throw;
        }
    }

    /// <summary>The session for <paramref name="accountId"/>.</summary>
    /// <exception cref="CollectionException">No role is known for an account other than the caller's.</exception>
    public AwsSession For(string accountId) => _sessions.GetOrAdd(accountId, id =>
    {
        var target = _request.Accounts.FirstOrDefault(a => a.AccountId == id);
        var roleName = target?.RoleName ?? _request.Organization?.RoleName
            ?? throw new CollectionException($"Account {id} has no role to assume: give --role-name, or run with credentials of account {id}.");
        var role = RoleTarget.In(id, roleName, _region, _request.SessionName, target?.ExternalId ?? _request.Organization?.ExternalId);
        var credentials = new AssumedRoleCredentials(new StsClient(_caller), _region, role);
        return new AwsSession(_transport, credentials, id, new CallStatistics());
    });

    public void Dispose() => _transport.Dispose();
}
