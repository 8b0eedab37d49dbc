using Tocsin.Aws.Credentials;

namespace Tocsin.Aws.Collection;

/// <summary>An account the scan will read, and how: through a role, or with the caller's own credentials (null role).</summary>
internal sealed record AccountToRead(string Id, string? Name, RoleTarget? Role);
