namespace Tocsin.Remediation.Rendering;

/// <summary>A format cannot be written with what it was given (the SCP without <c>--admin-role-arn</c>, a policy over the size limit).</summary>
public sealed class PlanRenderException(string message) : ArgumentException(message);
