using System.Globalization;
using System.Text;
using Tocsin.Core.Patterns.Syntax;

namespace Tocsin.Backtest.Sql;

/// <summary>
/// DuckDB over a table whose JSON column <c>record</c> holds each CloudTrail record. A selector without wildcards is
/// one JSON path; <c>[*]</c> and <c>.*</c> become <c>EXISTS</c> over <c>json_each</c> of the array or object, which
/// yields its elements or its property values, as the matcher selects them.
/// </summary>
internal sealed class DuckDbRecord : RecordAccess
{
    private const string Record = "record";

    public override string? IsJsonEvent => $"json_type({Record}) IN ('OBJECT', 'ARRAY')";

    public override string AnySelected(JsonSelector selector, Func<SelectedNode, string> test) =>
        Select(selector, Record, [.. selector.Steps], depth: 1, node => test(node));

    public override string NothingSelected(JsonSelector selector) =>
        "NOT " + Select(selector, Record, [.. selector.Steps], depth: 1, node => node.IsSelected());

    private static string Select(JsonSelector selector, string container, SelectorStep[] steps, int depth, Func<DuckDbNode, string> test)
    {
        var wildcard = Array.FindIndex(steps, step => step is AnyElementStep or AnyPropertyStep);
        if (wildcard < 0)
        {
            var result = test(new DuckDbNode(selector.Text, container, Path(steps)));
            return result.StartsWith("EXISTS", StringComparison.Ordinal) ? result : TwoValued(result);
        }

        var path = SqlText.Literal(Path(steps[..wildcard]));
        var alias = "w" + depth.ToString(CultureInfo.InvariantCulture);
        var inner = Select(selector, alias + ".value", steps[(wildcard + 1)..], depth + 1, test);
        return $"EXISTS (SELECT 1 FROM json_each(json_extract({container}, {path})) AS {alias} " +
            $"WHERE json_type({container}, {path}) IN ('ARRAY', 'OBJECT') AND {inner})";
    }

    /// <summary>A DuckDB JSON path; names that are not plain identifiers are double-quoted.</summary>
    private static string Path(IEnumerable<SelectorStep> steps)
    {
        var path = new StringBuilder("$");
        foreach (var step in steps)
        {
            switch (step)
            {
                case PropertyStep property when IsPlainName(property.Name):
                    path.Append('.').Append(property.Name);
                    break;
                case PropertyStep property:
                    path.Append(".\"")
                        .Append(property.Name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal))
                        .Append('"');
                    break;
                case IndexStep index:
                    path.Append('[').Append(index.Index.ToString(CultureInfo.InvariantCulture)).Append(']');
                    break;
            }
        }

        return path.ToString();
    }

    private static bool IsPlainName(string name) =>
        name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_') && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    private sealed class DuckDbNode(string selector, string container, string path) : SelectedNode
    {
        private readonly string _path = SqlText.Literal(path);

        public override string Selector => selector;

        public override string Dialect => "DuckDB";

        private string Type => $"json_type({container}, {_path})";

        public string IsSelected() => $"{Type} IS NOT NULL";

        public override string IsString() => $"{Type} = 'VARCHAR'";

        public override string Text() => $"json_extract_string({container}, {_path})";

        public override string IsNumber() => $"{Type} IN ('BIGINT', 'UBIGINT', 'DOUBLE')";

        public override string Number() => $"TRY_CAST(json_extract({container}, {_path}) AS DOUBLE)";

        /// <summary>
        /// DuckDB's JSON reader keeps integers as written (huge ones as raw text) and prints any number with a fraction
        /// or exponent with a <c>.</c> or <c>e</c>; only <c>-0</c> is printed otherwise (as <c>0</c>).
        /// </summary>
        public override string? IntegerText() => $"CAST(json_extract({container}, {_path}) AS VARCHAR)";

        public override string IsTrue() => $"({Type} = 'BOOLEAN' AND json_extract_string({container}, {_path}) = 'true')";

        public override string IsFalse() => $"({Type} = 'BOOLEAN' AND json_extract_string({container}, {_path}) = 'false')";

        public override string IsNull() => $"{Type} = 'NULL'";
    }
}
