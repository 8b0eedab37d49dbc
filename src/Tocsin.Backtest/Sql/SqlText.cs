using System.Globalization;
using System.Text;

namespace Tocsin.Backtest.Sql;

/// <summary>SQL and regular-expression literals shared by every dialect.</summary>
internal static class SqlText
{
    /// <summary>A single-quoted SQL string literal (standard SQL: quotes doubled, backslashes literal).</summary>
    public static string Literal(string text)
    {
        if (text.Contains('\0', StringComparison.Ordinal))
            throw new SqlCompileException($"the value \"{text.Replace("\0", "\\u0000", StringComparison.Ordinal)}\" contains a NUL character, which SQL strings cannot hold");
        return "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
    }

    /// <summary>A SQL DOUBLE holding exactly this value.</summary>
    public static string Double(double value) =>
        "CAST('" + value.ToString("R", CultureInfo.InvariantCulture) + "' AS DOUBLE)";

    /// <summary>
    /// Text matched literally by both RE2 (DuckDB) and Java-syntax regexes (Athena, CloudTrail Lake): the
    /// metacharacters are escaped with a backslash, which both read as the character itself.
    /// </summary>
    public static string RegexLiteral(string text)
    {
        var quoted = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if ("\\^$.|?*+()[]{}".Contains(c, StringComparison.Ordinal))
                quoted.Append('\\');
            quoted.Append(c);
        }

        return quoted.ToString();
    }
}
