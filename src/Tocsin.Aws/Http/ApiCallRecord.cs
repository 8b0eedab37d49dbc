namespace Tocsin.Aws.Http;

/// <summary>
/// One AWS operation as <c>--verbose</c> logs it: the IAM action, the account and region it was sent to, how it ended
/// and how long it took, retries included. Nothing of the request itself: no credential, signature or body.
/// </summary>
/// <param name="Account">The account id, or the label the call is counted under before the id is known.</param>
/// <param name="Status">The HTTP status of a success (<c>200</c>), the error code and status of a refusal
/// (<c>AccessDenied 403</c>), or what ended the call otherwise (<c>timeout</c>, <c>connection failed</c>).</param>
public sealed record ApiCallRecord(string Action, string Account, string Region, string Status, TimeSpan Latency)
{
    public override string ToString() =>
        $"{Action} account={Account} region={Region} status={Status} latency={(int)Latency.TotalMilliseconds}ms";
}
