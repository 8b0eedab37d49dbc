namespace Tocsin.Core.Inventory;

/// <summary>
/// Where a value or a record came from: the ARN a live call described, or the file and line of IaC or a
/// snapshot. Both may be set (a Terraform resource with a known ARN).
/// </summary>
/// <param name="EndLine">The last line of the definition (a template's resource, a Terraform block), when the source knows it.</param>
public sealed record Source(string? Arn = null, string? File = null, int? Line = null, int? EndLine = null)
{
    public static Source FromArn(string arn) => new(Arn: arn);

    public static Source FromFile(string file, int? line = null, int? endLine = null) => new(File: file, Line: line, EndLine: endLine);

    /// <summary>"arn:aws:..." or "main.tf:42" or both, for messages.</summary>
    public override string ToString()
    {
        var place = File is null ? null : Line is null ? File : $"{File}:{Line}";
        return (Arn, place) switch
        {
            (not null, not null) => $"{Arn} ({place})",
            (not null, null) => Arn,
            (null, not null) => place,
            _ => "unknown source",
        };
    }
}
