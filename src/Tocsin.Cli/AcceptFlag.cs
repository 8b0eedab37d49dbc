using System.CommandLine;

namespace Tocsin.Cli;

/// <summary>
/// <c>--accept eventbridge</c> (and <c>accept: [eventbridge]</c> in tocsin.yaml): evidence besides the CIS chain that
/// may pass a control. An auditor's choice, so it is off unless asked for.
/// </summary>
internal static class AcceptFlag
{
    public const string EventBridgeEvidence = "eventbridge";

    /// <summary>The evidence kinds <c>--accept</c> takes.</summary>
    public static IReadOnlyList<string> Kinds { get; } = [EventBridgeEvidence];

    public static Option<string[]> Create()
    {
        var option = new Option<string[]>("--accept")
        {
            Description = "Also accept this evidence: eventbridge (an EventBridge rule on the default bus of every region in scope that notifies a topic with a confirmed subscriber). Scans then read the rules.",
            HelpName = "eventbridge",
        };
        option.AcceptOnlyFromAmong([.. Kinds]);
        return option;
    }

    /// <summary>Whether the kinds given (by the flag, else tocsin.yaml) accept EventBridge rules.</summary>
    public static bool EventBridge(IReadOnlyList<string>? kinds) => kinds?.Contains(EventBridgeEvidence, StringComparer.Ordinal) == true;
}
