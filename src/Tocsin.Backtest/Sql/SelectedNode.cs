namespace Tocsin.Backtest.Sql;

/// <summary>
/// One JSON node a selector reached, as SQL expressions of one dialect. Each test is a SQL boolean that may be
/// NULL where nothing was selected; <see cref="ConditionSql"/> makes every condition two-valued. A dialect that
/// cannot tell two kinds apart for this node throws <see cref="SqlCompileException"/> from the test it cannot write.
/// </summary>
internal abstract class SelectedNode
{
    /// <summary>The selector as written, for messages.</summary>
    public abstract string Selector { get; }

    /// <summary>The dialect's name, for messages.</summary>
    public abstract string Dialect { get; }

    public abstract string IsString();

    /// <summary>The string's unescaped value; only read where <see cref="IsString"/> holds.</summary>
    public abstract string Text();

    public abstract string IsNumber();

    /// <summary>The number as a SQL DOUBLE; only read where <see cref="IsNumber"/> holds.</summary>
    public abstract string Number();

    /// <summary>
    /// The number's text where the dialect prints every number written as a plain integer exactly as written (and any
    /// other number with a fraction or exponent); null where it does not.
    /// </summary>
    public virtual string? IntegerText() => null;

    public abstract string IsTrue();

    public abstract string IsFalse();

    public abstract string IsNull();
}
