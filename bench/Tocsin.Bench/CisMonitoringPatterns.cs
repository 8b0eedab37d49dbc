using Tocsin.Core.Controls;

namespace Tocsin.Bench;

/// <summary>
/// The CIS CloudTrail monitoring patterns from Tocsin's control catalog: for each control the text AWS Security Hub
/// publishes (CloudWatch.1 to CloudWatch.14) where there is one, else the CIS text (Organizations changes,
/// and controls whose Security Hub text equals the CIS one).
/// </summary>
internal static class CisMonitoringPatterns
{
    public static string ConsoleSignInWithoutMfa { get; } =
        ControlCatalog.Default.Find("console-signin-without-mfa")!.PrimaryReference.Pattern;

    public static IReadOnlyList<(string Control, string Pattern)> All { get; } = ControlCatalog.Default.All
        .Select(control => (control.Id, (control.ReferencePatterns.FirstOrDefault(r => r.Name == "securityhub") ?? control.PrimaryReference).Pattern))
        .ToList();
}
