using Microsoft.AspNetCore.Http;

namespace Tocsin.Dashboard.Pages;

/// <summary>A rendered page and its status code.</summary>
internal sealed record PageResult(int Status, string Html)
{
    public static PageResult Ok(string html) => new(StatusCodes.Status200OK, html);
}

/// <summary>A run, account or control the store does not hold: the answer is a 404 page saying which.</summary>
internal sealed class PageNotFoundException(string message) : Exception(message);
