using System.Text.Json;

namespace Tocsin.Core.Controls;

/// <summary>
/// One realistic, complete CloudTrail record, labelled with its population and with whether the control's
/// primary reference pattern alerts on it.
/// </summary>
/// <param name="Population">The name of a population declared by the control.</param>
/// <param name="Alerts">Whether the primary reference pattern matches this record (what AWS really does).</param>
/// <param name="Description">What the record shows, in a few words.</param>
/// <param name="Event">The CloudTrail record as a JSON object.</param>
public sealed record CorpusEvent(string Population, bool Alerts, string Description, JsonElement Event)
{
    /// <summary>The record as the single-line message CloudWatch Logs receives from CloudTrail.</summary>
    public string Message => Event.GetRawText();
}
