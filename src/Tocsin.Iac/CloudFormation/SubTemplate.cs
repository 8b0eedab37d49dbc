using System.Text;

namespace Tocsin.Iac.CloudFormation;

/// <summary>
/// The text of <c>Fn::Sub</c>: each <c>${Name}</c> replaced by its value, <c>${!Name}</c> written as the literal
/// <c>${Name}</c>, an unclosed <c>${</c> kept as written.
/// </summary>
internal static class SubTemplate
{
    public static string Expand(string template, Func<string, string> variable)
    {
        var result = new StringBuilder();
        var at = 0;
        while (template.IndexOf("${", at, StringComparison.Ordinal) is var start and >= 0)
        {
            var end = template.IndexOf('}', start);
            if (end < 0)
            {
                break;
            }

            result.Append(template, at, start - at);
            var name = template[(start + 2)..end].Trim();
            result.Append(name.StartsWith('!') ? "${" + name[1..] + "}" : variable(name));
            at = end + 1;
        }

        return result.Append(template[at..]).ToString();
    }
}
