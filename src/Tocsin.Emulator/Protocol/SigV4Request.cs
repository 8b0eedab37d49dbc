using System.Globalization;

namespace Tocsin.Emulator.Protocol;

/// <summary>
/// The parts of a SigV4 <c>Authorization</c> header: who signed, for which day, region and service.
/// Routing reads the service and region from here, as AWS's front door does.
/// </summary>
internal sealed record SigV4Request(
    string AccessKeyId,
    string Date,
    string Region,
    string Service,
    IReadOnlyList<string> SignedHeaders,
    string Signature,
    string AmzDate)
{
    private const string Algorithm = "AWS4-HMAC-SHA256";

    public string Scope => $"{Date}/{Region}/{Service}/aws4_request";

    /// <summary>Parses the header, or returns null with the reason the request is not SigV4-signed.</summary>
    public static SigV4Request? Parse(string? authorization, string? amzDate, out string problem)
    {
        problem = string.Empty;
        if (string.IsNullOrWhiteSpace(authorization))
        {
            problem = "Request is missing Authentication Token";
            return null;
        }

        if (!authorization.StartsWith(Algorithm + " ", StringComparison.Ordinal))
        {
            problem = $"Unsupported authorization type; only {Algorithm} is accepted.";
            return null;
        }

        var fields = authorization[(Algorithm.Length + 1)..]
            .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(part => part.Split('=', 2))
            .Where(pair => pair.Length == 2)
            .ToDictionary(pair => pair[0], pair => pair[1], StringComparer.Ordinal);

        if (!fields.TryGetValue("Credential", out var credential)
            || !fields.TryGetValue("SignedHeaders", out var signedHeaders)
            || !fields.TryGetValue("Signature", out var signature))
        {
            problem = "Authorization header requires 'Credential', 'SignedHeaders' and 'Signature' parameters.";
            return null;
        }

        var scope = credential.Split('/');
        if (scope.Length != 5 || scope[4] != "aws4_request")
        {
            problem = $"Credential should be scoped to a valid region, not '{credential}'.";
            return null;
        }

        if (string.IsNullOrEmpty(amzDate) || !DateTime.TryParseExact(amzDate, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out _))
        {
            problem = "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.";
            return null;
        }

        return new SigV4Request(scope[0], scope[1], scope[2], scope[3], signedHeaders.Split(';'), signature, amzDate);
    }

    public DateTimeOffset SignedAt =>
        DateTimeOffset.ParseExact(AmzDate, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
