namespace Tocsin.Fuzz.Tests.Patterns;

/// <summary>One input of the pattern target: a pattern and an event, and whether the pattern came straight from the
/// grammar (so both Tocsin and the reference must accept it) or was mutated.</summary>
public sealed record PatternCase(string Pattern, string Event, bool FromGrammar)
{
    public override string ToString() => $"pattern {Harness.Printable.Text(Pattern)} on event {Harness.Printable.Text(Event)} ({(FromGrammar ? "from the grammar" : "mutated")})";
}
