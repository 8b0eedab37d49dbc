namespace Tocsin.Core.Inventory;

/// <summary>A target of an EventBridge rule (ListTargetsByRule).</summary>
/// <param name="Id">The target id, unique within its rule.</param>
/// <param name="Arn">What the rule sends to: an SNS topic, another event bus, a Lambda function, a queue, ...</param>
/// <param name="RoleArn">The role EventBridge assumes to deliver to the target, null when it delivers as itself (<c>events.amazonaws.com</c>).</param>
/// <param name="Input">What the target receives: the matched event, a part of it, a constant or a transformed text.</param>
public sealed record EventTarget(
    string Id,
    string Arn,
    Observed<string?> RoleArn,
    Observed<EventTargetInput> Input,
    Source? Source = null);
