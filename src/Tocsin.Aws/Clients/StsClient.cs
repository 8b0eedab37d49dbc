using Tocsin.Aws.Http;
using Tocsin.Aws.Protocols;

namespace Tocsin.Aws.Clients;

/// <summary>Who the caller is in AWS (GetCallerIdentity).</summary>
public sealed record CallerIdentity(string Account, string Arn, string UserId);

/// <summary>Temporary credentials from AssumeRole. <see cref="ToString"/> never shows the secret or token.</summary>
public sealed record AssumedCredentials(string AccessKeyId, string SecretAccessKey, string SessionToken, DateTimeOffset Expiration)
{
    public override string ToString() => $"AssumedCredentials {{ AccessKeyId = {AccessKeyId}, Expiration = {Expiration:O} }}";
}

/// <summary>STS over awsQuery (Version 2011-06-15), on the regional endpoint.</summary>
public sealed class StsClient(AwsSession session)
{
    private const string Version = "2011-06-15";

    [RequiresPermission("sts:GetCallerIdentity")]
    public async Task<CallerIdentity> GetCallerIdentityAsync(string region, CancellationToken cancellationToken)
    {
        var result = await session.QueryAsync(AwsService.Sts, region, "GetCallerIdentity", Version, [], cancellationToken);
        return new CallerIdentity(
            Xml.Text(result, "Account") ?? throw new AwsProtocolException("sts:GetCallerIdentity: no Account in the reply"),
            Xml.Text(result, "Arn") ?? "",
            Xml.Text(result, "UserId") ?? "");
    }

    [RequiresPermission("sts:AssumeRole")]
    public async Task<AssumedCredentials> AssumeRoleAsync(string region, string roleArn, string sessionName, string? externalId, TimeSpan duration, CancellationToken cancellationToken)
    {
        var parameters = new List<KeyValuePair<string, string>>
        {
            new("RoleArn", roleArn),
            new("RoleSessionName", sessionName),
            new("DurationSeconds", ((int)duration.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture)),
        };
        if (externalId is not null)
        {
            parameters.Add(new("ExternalId", externalId));
        }

        var result = await session.QueryAsync(AwsService.Sts, region, "AssumeRole", Version, parameters, cancellationToken);
        var credentials = Xml.Child(result, "Credentials") ?? throw new AwsProtocolException("sts:AssumeRole: no Credentials in the reply");
        return new AssumedCredentials(
            Xml.Text(credentials, "AccessKeyId") ?? throw new AwsProtocolException("sts:AssumeRole: no AccessKeyId"),
            Xml.Text(credentials, "SecretAccessKey") ?? throw new AwsProtocolException("sts:AssumeRole: no SecretAccessKey"),
            Xml.Text(credentials, "SessionToken") ?? throw new AwsProtocolException("sts:AssumeRole: no SessionToken"),
            DateTimeOffset.Parse(Xml.Text(credentials, "Expiration") ?? throw new AwsProtocolException("sts:AssumeRole: no Expiration"), System.Globalization.CultureInfo.InvariantCulture));
    }
}
