namespace Tocsin.Aws.Http;

/// <summary>
/// Where a call goes and which region it is signed for. An explicit endpoint (<c>--endpoint-url</c>) wins, then
/// <c>AWS_ENDPOINT_URL_&lt;SERVICE&gt;</c>, then <c>AWS_ENDPOINT_URL</c>, as the AWS SDKs order them; otherwise the
/// service's public endpoint in the region's partition.
/// </summary>
public sealed class AwsEndpoints
{
    private readonly Uri? _explicit;
    private readonly Func<string, string?> _environment;

    /// <param name="explicitEndpoint">An endpoint for every service, e.g. an emulator's.</param>
    /// <param name="environment">Reads an environment variable; the process environment when null.</param>
    public AwsEndpoints(Uri? explicitEndpoint = null, Func<string, string?>? environment = null)
    {
        _explicit = explicitEndpoint;
        _environment = environment ?? Environment.GetEnvironmentVariable;
    }

    /// <summary>The endpoint override in force for <paramref name="service"/>, or null when the public endpoint is used.</summary>
    public Uri? OverrideFor(AwsService service)
    {
        if (_explicit is not null)
        {
            return _explicit;
        }

        // The SDKs' switch to ignore endpoints configured outside the code.
        if (string.Equals(_environment("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS")?.Trim(), "true", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        foreach (var name in new[] { $"AWS_ENDPOINT_URL_{service.EnvironmentId}", "AWS_ENDPOINT_URL" })
        {
            var value = _environment(name);
            if (!string.IsNullOrWhiteSpace(value))
            {
                return Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
                    ? uri
                    : throw new AwsConfigurationException($"{name} is '{value}', which is not an http or https URL.");
            }
        }

        return null;
    }

    /// <summary>The URL and signing region of <paramref name="service"/> for a call about <paramref name="region"/>.</summary>
    public (Uri Url, string SigningRegion) Resolve(AwsService service, string region)
    {
        var partition = AwsPartition.Of(region);
        var signingRegion = service.GlobalRegion is { } global && global.TryGetValue(partition.Name, out var home) ? home : region;
        var host = service.GlobalHost is { } globalHost && partition.Name == "aws" ? globalHost : $"{service.EndpointPrefix}.{signingRegion}.{partition.DnsSuffix}";
        var url = OverrideFor(service) ?? new Uri($"https://{host}/");
        return (url, signingRegion);
    }
}
