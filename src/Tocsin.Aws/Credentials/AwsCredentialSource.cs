using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using Amazon.Runtime.Credentials;
using Tocsin.Aws.Http;

namespace Tocsin.Aws.Credentials;

/// <summary>
/// Finds the starting credentials through AWSSDK.Core, so they resolve exactly as in the AWS CLI and SDKs. Failures
/// become <see cref="AwsConfigurationException"/> with what to check, never a key.
/// </summary>
public static class AwsCredentialSource
{
    public const string FallbackRegion = "us-east-1";

    /// <param name="environment">Reads environment variables; the process environment when null.</param>
    public static ResolvedCredentials Resolve(CredentialOptions options, Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        return options.Profile is { Length: > 0 } name ? FromProfile(name, options.Region, environment) : FromChain(options.Region, environment);
    }

    private static ResolvedCredentials FromProfile(string name, string? region, Func<string, string?> environment)
    {
        var store = new CredentialProfileStoreChain();
        if (!store.TryGetProfile(name, out var profile))
        {
            throw new AwsConfigurationException($"The profile '{name}' is not in the shared config or credentials file ({SharedCredentialsFile.DefaultConfigFilePath}, {SharedCredentialsFile.DefaultFilePath}).");
        }

        AWSCredentials credentials;
        try
        {
            credentials = AWSCredentialsFactory.GetAWSCredentials(profile, store);
        }
        catch (Exception problem) when (problem is AmazonClientException or InvalidOperationException or ArgumentException)
        {
            throw new AwsConfigurationException($"The profile '{name}' cannot give credentials: {problem.Message}", problem);
        }

        return new ResolvedCredentials(credentials, RegionFor(region, environment, profile.Region?.SystemName), $"profile {name}");
    }

    private static ResolvedCredentials FromChain(string? region, Func<string, string?> environment)
    {
        AWSCredentials credentials;
        try
        {
            credentials = DefaultAWSCredentialsIdentityResolver.GetCredentials(null);
        }
        catch (AmazonClientException problem)
        {
            throw new AwsConfigurationException(
                "No AWS credentials were found: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, pass --profile, or run where a role provides them", problem);
        }

        var profileName = environment("AWS_PROFILE") is { Length: > 0 } p ? p : "default";
        string? profileRegion = null;
        if (new CredentialProfileStoreChain().TryGetProfile(profileName, out var profile))
        {
            profileRegion = profile.Region?.SystemName;
        }

        return new ResolvedCredentials(credentials, RegionFor(region, environment, profileRegion), Describe(credentials));
    }

    /// <summary>The explicit region, then AWS_REGION, AWS_DEFAULT_REGION, the profile's region, then us-east-1.</summary>
    public static string RegionFor(string? explicitRegion, Func<string, string?> environment, string? profileRegion) =>
        new[] { explicitRegion, environment("AWS_REGION"), environment("AWS_DEFAULT_REGION"), profileRegion }
            .FirstOrDefault(r => !string.IsNullOrWhiteSpace(r))?.Trim() ?? FallbackRegion;

    private static string Describe(AWSCredentials credentials) => credentials.GetType().Name switch
    {
        "EnvironmentVariablesAWSCredentials" => "environment variables",
        "AssumeRoleWithWebIdentityCredentials" => "web identity",
        "GenericContainerCredentials" or "ECSTaskCredentials" => "container credentials",
        "DefaultInstanceProfileAWSCredentials" or "InstanceProfileAWSCredentials" => "instance profile",
        var other => other,
    };
}
