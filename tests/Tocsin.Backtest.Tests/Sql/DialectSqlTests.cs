using Tocsin.Backtest.Sql;
using Tocsin.Core.Controls;

namespace Tocsin.Backtest.Tests.Sql;

public sealed class DialectSqlTests
{
    private static string Seed => ControlCatalog.Default.All[0].PrimaryReference.Pattern;

    [Fact]
    public void The_seed_pattern_compiles_for_DuckDB_to_this_condition()
    {
        PatternSql.Compile(DuckDbAgreementTests.Parse(Seed), SqlDialect.DuckDb).ShouldBe(
            """"
            (coalesce((json_type(record, '$.eventName') = 'VARCHAR' AND json_extract_string(record, '$.eventName') = 'ConsoleLogin'), FALSE) AND coalesce(((json_type(record, '$.additionalEventData.MFAUsed') = 'VARCHAR' AND NOT (json_extract_string(record, '$.additionalEventData.MFAUsed') = 'Yes')) OR json_type(record, '$.additionalEventData.MFAUsed') IN ('BIGINT', 'UBIGINT', 'DOUBLE')), FALSE))
            """");
    }

    [Fact]
    public void The_seed_pattern_compiles_for_Athena_to_this_condition()
    {
        PatternSql.Compile(DuckDbAgreementTests.Parse(Seed), SqlDialect.Athena).ShouldBe(
            """"
            (coalesce((eventname IS NOT NULL AND eventname = 'ConsoleLogin'), FALSE) AND coalesce(((json_format(json_extract(additionaleventdata, '$.MFAUsed')) LIKE '"%' AND NOT (json_extract_scalar(additionaleventdata, '$.MFAUsed') = 'Yes')) OR regexp_like(json_format(json_extract(additionaleventdata, '$.MFAUsed')), '^-?[0-9]')), FALSE))
            """");
    }

    [Fact]
    public void The_seed_pattern_compiles_for_CloudTrail_Lake_to_this_condition()
    {
        PatternSql.Compile(DuckDbAgreementTests.Parse(Seed), SqlDialect.CloudTrailLake).ShouldBe(
            """"
            (coalesce((eventname IS NOT NULL AND eventname = 'ConsoleLogin'), FALSE) AND coalesce((element_at(additionaleventdata, 'MFAUsed') IS NOT NULL AND NOT (element_at(additionaleventdata, 'MFAUsed') = 'Yes')), FALSE))
            """");
    }

    [Theory]
    [InlineData(SqlDialect.Athena)]
    [InlineData(SqlDialect.CloudTrailLake)]
    public void Every_catalog_pattern_compiles_for_the_CloudTrail_tables_except_the_root_pattern_whose_NOT_EXISTS_they_cannot_tell_from_null(SqlDialect dialect)
    {
        var refused = new List<string>();
        foreach (var control in ControlCatalog.Default.All)
        {
            foreach (var text in control.ReferencePatterns.Select(reference => reference.Pattern).Concat(control.AcceptedVariants.Select(variant => variant.Pattern)))
            {
                try
                {
                    PatternSql.Compile(DuckDbAgreementTests.Parse(text), dialect).ShouldNotBeNullOrWhiteSpace();
                }
                catch (SqlCompileException refusal)
                {
                    refusal.Message.ShouldContain("`$.userIdentity.invokedBy NOT EXISTS`: the");
                    refused.Add(control.Id);
                }
            }
        }

        refused.ShouldBe(["root-account-usage", "root-account-usage"]);
    }

    [Theory]
    [InlineData("ERROR -DEBUG", SqlDialect.DuckDb, "DuckDB cannot express the pattern ERROR -DEBUG: term patterns search the raw text of the record")]
    [InlineData("%Console.*%", SqlDialect.Athena, "Athena cannot express the pattern %Console.*%: regex patterns search the raw text")]
    [InlineData("[ip, user, status=4*]", SqlDialect.CloudTrailLake, "CloudTrail Lake cannot express the pattern [ip, user, status=4*]: space-delimited patterns")]
    [InlineData("{ $.eventName = %Login% }", SqlDialect.DuckDb, "regex values are not compiled to SQL")]
    [InlineData("{ $.errorCode = \"40*\" }", SqlDialect.DuckDb, "`$.errorCode \"40*\"`: the value could match a JSON number")]
    [InlineData("{ $.requestParameters.size = \"12\" }", SqlDialect.Athena, "Athena only keeps the parsed number")]
    [InlineData("{ $.eventname = \"ConsoleLogin\" }", SqlDialect.Athena, "`eventname` is not a field the table declares at that place (names are case-sensitive")]
    [InlineData("{ $.resources[0].ARN = \"x\" }", SqlDialect.Athena, "`$.resources[0].ARN` is not reachable in the Athena CloudTrail table")]
    [InlineData("{ $.requestParameters.a.b = \"x\" }", SqlDialect.CloudTrailLake, "a map of text values, reachable one level deep only")]
    [InlineData("{ $.errorCode IS NULL }", SqlDialect.CloudTrailLake, "`$.errorCode IS NULL`: the CloudTrail Lake table holds an absent field and a JSON null alike as NULL")]
    [InlineData("{ $.eventTime = \"2024*\" }", SqlDialect.CloudTrailLake, "the column `eventtime` does not keep the value as CloudTrail wrote it")]
    public void What_a_dialect_cannot_express_exactly_is_refused_with_a_message_naming_the_construct(string pattern, SqlDialect dialect, string message)
    {
        Should.Throw<SqlCompileException>(() => PatternSql.Compile(DuckDbAgreementTests.Parse(pattern), dialect)).Message.ShouldContain(message);
    }

    [Fact]
    public void A_number_like_value_compiles_for_DuckDB_when_integers_printed_as_written_decide_it()
    {
        PatternSql.Compile(DuckDbAgreementTests.Parse("{ $.recipientAccountId = \"123456789012\" }"), SqlDialect.DuckDb)
            .ShouldContain("CAST(json_extract(record, '$.recipientAccountId') AS VARCHAR) = '123456789012'");
    }
}
