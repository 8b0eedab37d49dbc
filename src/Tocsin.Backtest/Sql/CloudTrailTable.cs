using System.Globalization;
using System.Text;
using Tocsin.Core.Patterns.Syntax;

namespace Tocsin.Backtest.Sql;

/// <summary>
/// Athena's or CloudTrail Lake's CloudTrail table: a selector is resolved against the declared columns
/// (<see cref="CloudTrailColumns"/>). A NULL column stands for both an absent field and a JSON null, so
/// <c>NOT EXISTS</c> and <c>IS NULL</c> on a column are refused; inside a JSON-text column (Athena) both stay
/// distinct and are compiled.
/// </summary>
internal sealed class CloudTrailTable(CloudTrailColumns columns) : RecordAccess
{
    public CloudTrailColumns Columns { get; } = columns;

    public override string? IsJsonEvent => null;

    public override string AnySelected(JsonSelector selector, Func<SelectedNode, string> test) =>
        TwoValued(test(Resolve(selector)));

    public override string NothingSelected(JsonSelector selector) => Resolve(selector) switch
    {
        JsonTextNode inJson => $"{inJson.Extracted} IS NULL",
        _ => throw new SqlCompileException(
            $"`{selector.Text} NOT EXISTS`: the {Columns.DialectName} table holds an absent field and a JSON null alike as NULL"),
    };

    private SelectedNode Resolve(JsonSelector selector)
    {
        var fields = Columns.Fields;
        var column = new StringBuilder();
        for (var i = 0; i < selector.Steps.Count; i++)
        {
            if (selector.Steps[i] is not PropertyStep property)
                throw Unreachable(selector, "the table declares no array or wildcard access there");
            if (!fields.TryGetValue(property.Name, out var field))
                throw Unreachable(selector, $"`{property.Name}` is not a field the table declares at that place (names are case-sensitive, as CloudTrail writes them)");
            if (column.Length > 0)
                column.Append('.');
            column.Append(field.Column);
            var rest = selector.Steps.Skip(i + 1).ToList();
            switch (field.Kind)
            {
                case ColumnKind.Struct when rest.Count > 0:
                    fields = field.Fields;
                    continue;
                case ColumnKind.Struct:
                    throw Unreachable(selector, "it selects an object held as a struct column");
                case ColumnKind.Text when rest.Count == 0:
                    return new TextColumnNode(selector.Text, column.ToString(), Columns.DialectName);
                case ColumnKind.BooleanText when rest.Count == 0:
                    return new BooleanColumnNode(selector.Text, column.ToString(), "'true'", "'false'", Columns.DialectName);
                case ColumnKind.Boolean when rest.Count == 0:
                    return new BooleanColumnNode(selector.Text, column.ToString(), "TRUE", "FALSE", Columns.DialectName);
                case ColumnKind.JsonText when rest.Count > 0:
                    return new JsonTextNode(selector.Text, column.ToString(), JsonPath(selector, rest), Columns.DialectName);
                case ColumnKind.TextMap when rest is [PropertyStep key]:
                    return new TextColumnNode(selector.Text, $"element_at({column}, {SqlText.Literal(key.Name)})", Columns.DialectName);
                case ColumnKind.TextMap:
                    throw Unreachable(selector, $"`{field.Column}` is a map of text values, reachable one level deep only");
                case ColumnKind.Opaque:
                    throw Unreachable(selector, $"the column `{field.Column}` does not keep the value as CloudTrail wrote it");
                default:
                    throw Unreachable(selector, $"`{field.Column}` holds a single value, not an object");
            }
        }

        throw Unreachable(selector, "it selects the whole record");
    }

    private SqlCompileException Unreachable(JsonSelector selector, string why) =>
        new($"`{selector.Text}` is not reachable in the {Columns.DialectName} CloudTrail table: {why}");

    /// <summary>A Trino JSON path; names that are not plain identifiers use the bracket form.</summary>
    private string JsonPath(JsonSelector selector, IEnumerable<SelectorStep> steps)
    {
        var path = new StringBuilder("$");
        foreach (var step in steps)
        {
            switch (step)
            {
                case PropertyStep property when property.Name.Length > 0 && property.Name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') && !char.IsAsciiDigit(property.Name[0]):
                    path.Append('.').Append(property.Name);
                    break;
                case PropertyStep property when !property.Name.Contains('"', StringComparison.Ordinal) && !property.Name.Contains('\\', StringComparison.Ordinal):
                    path.Append("[\"").Append(property.Name).Append("\"]");
                    break;
                case IndexStep index:
                    path.Append('[').Append(index.Index.ToString(CultureInfo.InvariantCulture)).Append(']');
                    break;
                default:
                    throw Unreachable(selector, "the engine's JSON paths have no wildcards and no quotes or backslashes in names");
            }
        }

        return path.ToString();
    }

    /// <summary>A column holding a field CloudTrail writes as a string (or a map value read as text).</summary>
    private sealed class TextColumnNode(string selector, string column, string dialect) : SelectedNode
    {
        public override string Selector => selector;

        public override string Dialect => dialect;

        public override string IsString() => $"{column} IS NOT NULL";

        public override string Text() => column;

        public override string IsNumber() => ConditionSql.False;

        public override string Number() => "NULL";

        public override string IsTrue() => ConditionSql.False;

        public override string IsFalse() => ConditionSql.False;

        public override string IsNull() => throw new SqlCompileException(
            $"`{selector} IS NULL`: the {dialect} table holds an absent field and a JSON null alike as NULL");
    }

    /// <summary>A column holding a field CloudTrail writes as a boolean.</summary>
    private sealed class BooleanColumnNode(string selector, string column, string trueSql, string falseSql, string dialect) : SelectedNode
    {
        public override string Selector => selector;

        public override string Dialect => dialect;

        public override string IsString() => ConditionSql.False;

        public override string Text() => "NULL";

        public override string IsNumber() => ConditionSql.False;

        public override string Number() => "NULL";

        public override string IsTrue() => $"{column} = {trueSql}";

        public override string IsFalse() => $"{column} = {falseSql}";

        public override string IsNull() => throw new SqlCompileException(
            $"`{selector} IS NULL`: the {dialect} table holds an absent field and a JSON null alike as NULL");
    }

    /// <summary>A node inside a column holding JSON text, read with Trino's JSON functions.</summary>
    private sealed class JsonTextNode(string selector, string column, string path, string dialect) : SelectedNode
    {
        private readonly string _path = SqlText.Literal(path);

        public override string Selector => selector;

        public override string Dialect => dialect;

        public string Extracted => $"json_extract({column}, {_path})";

        private string Printed => $"json_format({Extracted})";

        public override string IsString() => $"{Printed} LIKE '\"%'";

        public override string Text() => $"json_extract_scalar({column}, {_path})";

        public override string IsNumber() => $"regexp_like({Printed}, '^-?[0-9]')";

        public override string Number() => $"TRY_CAST(json_extract_scalar({column}, {_path}) AS DOUBLE)";

        public override string IsTrue() => $"{Printed} = 'true'";

        public override string IsFalse() => $"{Printed} = 'false'";

        public override string IsNull() => $"{Printed} = 'null'";
    }
}
