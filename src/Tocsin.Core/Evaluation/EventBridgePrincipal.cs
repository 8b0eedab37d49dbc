namespace Tocsin.Core.Evaluation;

/// <summary>The service principal EventBridge delivers to a target as, when the target names no role.</summary>
internal static class EventBridgePrincipal
{
    public const string Service = "events.amazonaws.com";
}
