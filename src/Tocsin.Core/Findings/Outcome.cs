namespace Tocsin.Core.Findings;

/// <summary>What a control concluded for one account. Rendered lower-case in reports (<c>pass</c>).</summary>
public enum Outcome
{
    /// <summary>Every link of the chain was seen and holds.</summary>
    Pass,

    /// <summary>A link was seen and is broken.</summary>
    Fail,

    /// <summary>Could not be decided: a value could not be seen, or a pattern could not be parsed.</summary>
    Error,
}
