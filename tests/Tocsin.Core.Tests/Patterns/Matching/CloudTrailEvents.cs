namespace Tocsin.Core.Tests.Patterns.Matching;

/// <summary>CloudTrail records in their real shape, varied one field at a time.</summary>
internal static class CloudTrailEvents
{
    private const string Identity =
        "\"userIdentity\":{\"type\":\"IAMUser\",\"principalId\":\"AIDAEXAMPLEID\",\"arn\":\"arn:aws:iam::111122223333:user/alice\",\"accountId\":\"111122223333\",\"userName\":\"alice\"}";

    /// <summary>A ConsoleLogin record; <paramref name="additionalEventData"/> is the raw JSON of that member, or null to leave it out.</summary>
    public static string ConsoleLogin(string? additionalEventData, string eventName = "ConsoleLogin") =>
        "{\"eventVersion\":\"1.08\"," + Identity + ",\"eventTime\":\"2024-05-01T12:00:00Z\",\"eventSource\":\"signin.amazonaws.com\"," +
        "\"eventName\":\"" + eventName + "\",\"awsRegion\":\"us-east-1\",\"sourceIPAddress\":\"203.0.113.10\",\"userAgent\":\"Mozilla/5.0\"," +
        "\"requestParameters\":null,\"responseElements\":{\"ConsoleLogin\":\"Success\"}," +
        (additionalEventData is null ? string.Empty : "\"additionalEventData\":" + additionalEventData + ",") +
        "\"eventID\":\"3fcfb1b6-0000-4000-8000-000000000001\",\"readOnly\":false,\"eventType\":\"AwsConsoleSignIn\"," +
        "\"managementEvent\":true,\"recipientAccountId\":\"111122223333\",\"eventCategory\":\"Management\"}";

    public static string MfaUsed(string rawValue) =>
        ConsoleLogin("{\"LoginTo\":\"https://console.aws.amazon.com/console/home\",\"MobileVersion\":\"No\",\"MFAUsed\":" + rawValue + "}");

    public static string WithoutMfaUsed() =>
        ConsoleLogin("{\"LoginTo\":\"https://console.aws.amazon.com/console/home\",\"MobileVersion\":\"No\"}");
}
