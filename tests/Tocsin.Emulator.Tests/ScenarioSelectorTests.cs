using Tocsin.Emulator.Scenarios;

namespace Tocsin.Emulator.Tests;

public sealed class SelectorScenarioFixture : EmulatorFixture
{
    protected override Scenario CreateScenario() => Scenario.Parse("""
        accounts:
          - id: "123456789012"
            accessKeys: [{ id: testing, secret: testing }]
            regions:
              us-east-1:
                trails:
                  - name: advanced
                    advancedEventSelectors:
                      - Name: management-write-only
                        FieldSelectors:
                          - { Field: eventCategory, Equals: [Management] }
                          - { Field: readOnly, Equals: ["false"] }
                  - name: read-only
                    managementEvents: readOnly
        """, "selectors.yaml");
}

/// <summary>Event selectors declared in a scenario read back through GetEventSelectors as the API shapes them.</summary>
public sealed class ScenarioSelectorTests(SelectorScenarioFixture fixture) : IClassFixture<SelectorScenarioFixture>
{
    [SkippableFact]
    public async Task Advanced_selectors_from_a_scenario_read_back_unchanged()
    {
        var result = await fixture.Boto3Async("""
            r = boto3.client('cloudtrail', endpoint_url=ENDPOINT).get_event_selectors(TrailName='advanced')
            print(json.dumps({'basic': 'EventSelectors' in r, 'advanced': r['AdvancedEventSelectors']}))
            """, "testing", "testing");
        result["basic"]!.GetValue<bool>().ShouldBeFalse();
        var selector = result["advanced"]!.AsArray().ShouldHaveSingleItem()!;
        selector["Name"]!.GetValue<string>().ShouldBe("management-write-only");
        selector["FieldSelectors"]![1]!["Equals"]![0]!.GetValue<string>().ShouldBe("false");
    }

    [SkippableFact]
    public async Task A_read_only_trail_reports_a_ReadOnly_basic_selector()
    {
        var result = await fixture.Boto3Async("""
            r = boto3.client('cloudtrail', endpoint_url=ENDPOINT).get_event_selectors(TrailName='read-only')
            print(json.dumps(r['EventSelectors'][0]['ReadWriteType']))
            """, "testing", "testing");
        result.GetValue<string>().ShouldBe("ReadOnly");
    }
}
