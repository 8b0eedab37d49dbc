namespace Tocsin.Aws.Clients;

/// <summary>
/// The IAM action a client operation needs. <see cref="Permissions"/> gathers them into a least-privilege policy;
/// a test checks that every action a scan sends is declared here.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class RequiresPermissionAttribute(string action) : Attribute
{
    /// <summary>e.g. <c>cloudtrail:DescribeTrails</c>.</summary>
    public string Action { get; } = action;

    /// <summary>
    /// Only <c>tocsin remediate --apply</c> calls it (a write, or a read the scan does not make); <c>tocsin permissions</c>
    /// leaves it out of the scan policy and prints it with <c>--remediate</c>.
    /// </summary>
    public bool ForApply { get; init; }

    /// <summary>
    /// Only a scan that reads EventBridge (<c>CollectRequest.EventBridge</c>) calls it: the rules, their targets and the
    /// roles targets deliver as. <see cref="Permissions.All"/> leaves it out; <see cref="Permissions.ForEventBridge"/> lists it.
    /// </summary>
    public bool ForEventBridge { get; init; }
}
