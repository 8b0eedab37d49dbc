namespace Tocsin.Iac.Terraform;

/// <summary>Where a file stops being HCL this reader understands, and what it expected there.</summary>
internal sealed class HclSyntaxError(int line, int column, string message) : Exception(message)
{
    public int Line { get; } = line;

    public int Column { get; } = column;
}

/// <summary>A parsed file, or the first place it could not be parsed.</summary>
internal sealed record HclParse(HclBody? Body, IacProblem? Problem)
{
    public static HclParse Of(string file, string text)
    {
        try
        {
            return new(new HclParser(text).ParseFile(), null);
        }
        catch (HclSyntaxError error)
        {
            return new(null, new IacProblem(file, error.Line, error.Column, error.Message));
        }
    }
}
