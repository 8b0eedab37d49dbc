using Tocsin.Core.Patterns.Syntax;

namespace Tocsin.Core.Tests;

public class ScaffoldTests
{
    [Fact]
    public void A_json_selector_with_a_star_step_is_a_wildcard_selector()
    {
        new JsonSelector("$.a[*]", [new PropertyStep("a"), new AnyElementStep()]).HasWildcard.ShouldBeTrue();
        new JsonSelector("$.a", [new PropertyStep("a")]).HasWildcard.ShouldBeFalse();
    }
}
