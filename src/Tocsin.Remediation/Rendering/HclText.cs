using System.Globalization;
using System.Text;

namespace Tocsin.Remediation.Rendering;

/// <summary>How the Terraform renderer spells values: every string through <see cref="Quote"/>, every label through <see cref="Label"/>.</summary>
internal static class HclText
{
    /// <summary>
    /// A quoted HCL string holding exactly <paramref name="value"/>: backslash, quote and control characters escaped, and
    /// <c>${</c> / <c>%{</c> doubled so Terraform reads them as text rather than as an interpolation or a directive.
    /// </summary>
    public static string Quote(string value)
    {
        var quoted = new StringBuilder("\"", value.Length + 2);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            var next = i + 1 < value.Length ? value[i + 1] : '\0';
            switch (c)
            {
                case '\\': quoted.Append("\\\\"); break;
                case '"': quoted.Append("\\\""); break;
                case '\n': quoted.Append("\\n"); break;
                case '\r': quoted.Append("\\r"); break;
                case '\t': quoted.Append("\\t"); break;
                case '$' or '%' when next == '{': quoted.Append(c).Append(c); break;
                case var control when char.IsControl(control): quoted.Append(CultureInfo.InvariantCulture, $"\\u{(int)control:X4}"); break;
                default: quoted.Append(c); break;
            }
        }

        return quoted.Append('"').ToString();
    }

    /// <summary>
    /// A block label or alias from free text: letters, digits, underscores and dashes kept, anything else an underscore,
    /// after a prefix that makes it start with a letter.
    /// </summary>
    public static string Label(string prefix, string text)
    {
        var label = new StringBuilder(prefix).Append('_');
        foreach (var c in text)
        {
            label.Append(char.IsAsciiLetterOrDigit(c) || c is '_' or '-' ? c : '_');
        }

        return label.ToString();
    }

    public static string List(IEnumerable<string> values) => "[" + string.Join(", ", values.Select(Quote)) + "]";

    public static string Bool(bool value) => value ? "true" : "false";

    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The provider alias of one account and region.</summary>
    public static string ProviderAlias(string accountId, string region) => Label("account", $"{accountId}_{region}");
}
