namespace Tocsin.Core.Inventory;

/// <summary>Why a source could not tell a value. Rendered kebab-case in snapshots (<c>access-denied</c>).</summary>
public enum UnknownReason
{
    /// <summary>The source was refused (AWS <c>AccessDenied</c>, an account whose role could not be assumed).</summary>
    AccessDenied,

    /// <summary>AWS kept throttling past the retry budget.</summary>
    Throttled,

    /// <summary>The service or region did not answer (opt-in region, endpoint down, 5xx past retries).</summary>
    Unavailable,

    /// <summary>The source does not read this value at all (e.g. logging status in IaC).</summary>
    NotCollected,

    /// <summary>The value is an expression IaC cannot resolve before deployment.</summary>
    Unresolved,
}
