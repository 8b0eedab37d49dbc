using Tocsin.Emulator.State;

namespace Tocsin.Emulator.Scenarios;

/// <summary>Refuses a scenario that cannot be loaded, saying where (<c>accounts[2].regions.us-east-1.alarms[0]</c>) and what.</summary>
internal static class ScenarioValidation
{
    public static void Check(ScenarioFile file, string source)
    {
        void Fail(string where, string what) => throw new EmulatorInputException($"{source}: {where}: {what}");

        if (file.Accounts.Count == 0)
        {
            Fail("accounts", "a scenario needs at least one account.");
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var region in file.Regions ?? [])
        {
            if (!Regions.IsKnown(region))
            {
                Fail("regions", $"'{region}' is not a region this emulator knows.");
            }
        }

        for (var i = 0; i < file.Accounts.Count; i++)
        {
            var account = file.Accounts[i];
            var at = $"accounts[{i}]";
            if (!Scenario.AccountId().IsMatch(account.Id))
            {
                Fail($"{at}.id", $"'{account.Id}' is not a 12-digit account id.");
            }

            if (!ids.Add(account.Id))
            {
                Fail($"{at}.id", $"account {account.Id} is declared twice.");
            }

            for (var k = 0; k < account.AccessKeys.Count; k++)
            {
                var key = account.AccessKeys[k];
                if (key.Id.Length == 0 || key.Secret.Length == 0)
                {
                    Fail($"{at}.accessKeys[{k}]", "an access key needs an id and a secret.");
                }

                if (!keys.Add(key.Id))
                {
                    Fail($"{at}.accessKeys[{k}].id", $"access key {key.Id} is declared twice.");
                }
            }

            foreach (var (regionName, region) in account.Regions)
            {
                var where = $"{at}.regions.{regionName}";
                if (!Regions.IsKnown(regionName))
                {
                    Fail(where, $"'{regionName}' is not a region this emulator knows.");
                }

                CheckRegion(region, where, account, file, Fail);
            }
        }

        if (file.Organization is { } organization && !ids.Contains(organization.ManagementAccount))
        {
            Fail("organization.managementAccount", $"'{organization.ManagementAccount}' is not one of the scenario's accounts.");
        }
    }

    private static void CheckRegion(ScenarioFile.RegionEntry region, string where, ScenarioFile.AccountEntry account, ScenarioFile file, Action<string, string> fail)
    {
        var groups = region.LogGroups.Select(group => group.Name).ToHashSet(StringComparer.Ordinal);
        var topics = region.Topics.Select(topic => topic.Name).ToHashSet(StringComparer.Ordinal);
        for (var t = 0; t < region.Trails.Count; t++)
        {
            var trail = region.Trails[t];
            if (trail.LogGroup is not null && !groups.Contains(trail.LogGroup))
            {
                fail($"{where}.trails[{t}].logGroup", $"no log group '{trail.LogGroup}' is declared in this region.");
            }

            if (trail.Organization && file.Organization?.ManagementAccount != account.Id)
            {
                fail($"{where}.trails[{t}].organization", "only the organization's management account can own an organization trail.");
            }

            if (trail.ManagementEvents is not ("all" or "readOnly" or "writeOnly" or "none"))
            {
                fail($"{where}.trails[{t}].managementEvents", $"'{trail.ManagementEvents}' is not one of all, readOnly, writeOnly, none.");
            }
        }

        var aliases = new HashSet<string>(StringComparer.Ordinal);
        for (var t = 0; t < region.Topics.Count; t++)
        {
            if (region.Topics[t].KmsKey is not { } key)
            {
                continue;
            }

            if (key.Alias is { } alias && (!alias.StartsWith("alias/", StringComparison.Ordinal) || alias.StartsWith("alias/aws/", StringComparison.Ordinal) || alias.Length <= "alias/".Length))
            {
                fail($"{where}.topics[{t}].kmsKey.alias", $"'{alias}' must start with alias/ and not with alias/aws/ (AWS reserves those).");
            }
            else if (key.Alias is { } taken && !aliases.Add(taken) && key.Policy is not null)
            {
                fail($"{where}.topics[{t}].kmsKey.policy", $"alias '{taken}' names the key of an earlier topic, which already has its policy; give the policy there.");
            }

            if (key.Policy is { } policy && !IsJsonObject(policy))
            {
                fail($"{where}.topics[{t}].kmsKey.policy", "the key policy is not a JSON object.");
            }
        }

        CheckRules(region, where, topics, fail);

        for (var a = 0; a < region.Alarms.Count; a++)
        {
            foreach (var action in region.Alarms[a].Actions.Where(action => !action.StartsWith("arn:", StringComparison.Ordinal)))
            {
                if (!topics.Contains(action))
                {
                    fail($"{where}.alarms[{a}].actions", $"no topic '{action}' is declared in this region (give an ARN for other targets).");
                }
            }
        }
    }

    private static void CheckRules(ScenarioFile.RegionEntry region, string where, HashSet<string> topics, Action<string, string> fail)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var r = 0; r < region.Rules.Count; r++)
        {
            var rule = region.Rules[r];
            var at = $"{where}.rules[{r}]";
            if (!Services.EventBridgeService.Name().IsMatch(rule.Name))
            {
                fail($"{at}.name", $"'{rule.Name}' is not a rule name (1 to 64 of letters, digits, '.', '-', '_').");
            }

            if (!names.Add(rule.Name))
            {
                fail($"{at}.name", $"rule {rule.Name} is declared twice in this region.");
            }

            if (rule.Pattern is null && rule.Schedule is null)
            {
                fail(at, "a rule needs a pattern or a schedule.");
            }

            if (rule.Pattern is { } pattern && !IsJsonObject(pattern))
            {
                fail($"{at}.pattern", "the event pattern is not a JSON object.");
            }

            if (rule.State is not ("ENABLED" or "DISABLED" or "ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS"))
            {
                fail($"{at}.state", $"'{rule.State}' is not one of ENABLED, DISABLED, ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS.");
            }

            if (rule.Targets.Count > Services.EventTargetOperations.MaxTargets)
            {
                fail($"{at}.targets", $"a rule can have at most {Services.EventTargetOperations.MaxTargets} targets.");
            }

            for (var t = 0; t < rule.Targets.Count; t++)
            {
                var target = rule.Targets[t];
                if (!target.Arn.StartsWith("arn:", StringComparison.Ordinal) && !topics.Contains(target.Arn))
                {
                    fail($"{at}.targets[{t}].arn", $"no topic '{target.Arn}' is declared in this region (give an ARN for other targets).");
                }

                if (new[] { target.Input, target.InputPath, target.InputTemplate }.Count(value => value is not null) > 1)
                {
                    fail($"{at}.targets[{t}]", "give at most one of input, inputPath, inputTemplate.");
                }
            }
        }
    }

    private static bool IsJsonObject(string text)
    {
        try
        {
            return System.Text.Json.Nodes.JsonNode.Parse(text) is System.Text.Json.Nodes.JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }
}
