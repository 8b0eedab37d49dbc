using System.Collections;
using System.Text.Json.Nodes;
using Tocsin.Emulator.Services;
using Tocsin.Emulator.State;

namespace Tocsin.Emulator.Scenarios;

/// <summary>Fills the emulator's state from a validated scenario.</summary>
internal static class ScenarioLoader
{
    public static void Apply(ScenarioFile file, EmulatorState state)
    {
        if (file.Regions is { Count: > 0 } regions)
        {
            state.EnabledRegions.Clear();
            state.EnabledRegions.UnionWith(regions);
        }

        if (file.Organization is { } organization)
        {
            var management = file.Accounts.First(account => account.Id == organization.ManagementAccount);
            state.Organization = new Organization(
                organization.Id ?? "o-" + EmulatorState.NewId(string.Empty, 10).ToLowerInvariant(),
                organization.ManagementAccount,
                management.Email ?? $"{management.Id}@example.com",
                "r-" + EmulatorState.NewId(string.Empty, 4).ToLowerInvariant());
        }

        foreach (var entry in file.Accounts)
        {
            var account = state.AddAccount(entry.Id, entry.Name ?? entry.Id, entry.Email ?? $"aws+{entry.Id}@example.com");
            account.IsOrganizationMember = file.Organization is not null && (entry.Member ?? true);
            foreach (var (key, value) in entry.Tags)
            {
                account.Tags[key] = value;
            }
            foreach (var key in entry.AccessKeys)
            {
                state.Keys[key.Id] = new AccessKey(key.Id, key.Secret, entry.Id, $"arn:aws:iam::{entry.Id}:user/{key.User}", EmulatorState.NewId("AIDA", 17));
            }

            foreach (var roleEntry in entry.Roles)
            {
                var role = AddRole(state, account, roleEntry.Name);
                role.TrustedAccounts.UnionWith(roleEntry.TrustedAccounts.Count > 0 ? roleEntry.TrustedAccounts : [entry.Id]);
                role.AssumeRolePolicyDocument = roleEntry.TrustPolicy ?? role.AssumeRolePolicyDocument;
                foreach (var (policyName, document) in roleEntry.Policies)
                {
                    role.InlinePolicies[policyName] = document;
                }
            }

            foreach (var bucket in entry.Buckets)
            {
                state.Buckets[bucket.Name] = new Bucket(bucket.Name, entry.Id, bucket.Region, state.Now) { Policy = bucket.Policy };
            }

            foreach (var (regionName, region) in entry.Regions)
            {
                ApplyRegion(state, account, account.Region(regionName), region);
            }
        }
    }

    private static Role AddRole(EmulatorState state, AccountState account, string name)
    {
        if (!account.Roles.TryGetValue(name, out var role))
        {
            role = new Role(account.Id, name, EmulatorState.NewId("AROA", 17), state.Now);
            account.Roles[name] = role;
        }

        return role;
    }

    private static void ApplyRegion(EmulatorState state, AccountState account, RegionState here, ScenarioFile.RegionEntry region)
    {
        foreach (var groupEntry in region.LogGroups)
        {
            var group = new LogGroup(account.Id, here.Region, groupEntry.Name, state.Now);
            foreach (var filter in groupEntry.MetricFilters)
            {
                JsonArray transformations = [(JsonNode)new JsonObject { ["metricName"] = filter.MetricName, ["metricNamespace"] = filter.Namespace, ["metricValue"] = filter.Value }];
                group.MetricFilters[filter.Name] = new MetricFilter(filter.Name, filter.Pattern, transformations, state.Now);
            }

            here.LogGroups[group.Name] = group;
        }

        foreach (var topicEntry in region.Topics)
        {
            var topic = new Topic(account.Id, here.Region, topicEntry.Name);
            topic.Attributes["Policy"] = topicEntry.Policy ?? CloudWatchMayPublish(topic);
            if (topicEntry.KmsKey is { } keyEntry)
            {
                // Topics that name the same alias share one key, made by the first of them.
                var key = keyEntry.Alias is { } shared && here.Aliases.TryGetValue(shared, out var keyId)
                    ? here.Keys[keyId]
                    : KmsService.Create(here, state.Now, keyEntry.Policy ?? KmsKey.CloudWatchMayUse(account.Id));
                if (keyEntry.Alias is { } alias)
                {
                    here.Aliases[alias] = key.KeyId;
                }

                topic.Attributes["KmsMasterKeyId"] = keyEntry.Alias ?? key.Arn;
            }

            foreach (var subscription in topicEntry.Subscriptions)
            {
                SubscriptionOperations.Add(topic, subscription.Protocol, subscription.Endpoint, subscription.Confirmed);
            }

            here.Topics[topic.Name] = topic;
        }

        foreach (var alarmEntry in region.Alarms)
        {
            here.Alarms[alarmEntry.Name] = new Alarm(account.Id, here.Region, alarmEntry.Name)
            {
                MetricName = alarmEntry.MetricName,
                Namespace = alarmEntry.Namespace,
                Statistic = alarmEntry.Statistic,
                Period = alarmEntry.Period,
                EvaluationPeriods = alarmEntry.EvaluationPeriods,
                DatapointsToAlarm = alarmEntry.DatapointsToAlarm,
                Threshold = alarmEntry.Threshold,
                ComparisonOperator = alarmEntry.Comparison,
                TreatMissingData = alarmEntry.TreatMissingData,
                ActionsEnabled = alarmEntry.ActionsEnabled,
                AlarmActions = [.. alarmEntry.Actions.Select(action => action.StartsWith("arn:", StringComparison.Ordinal) ? action : $"arn:aws:sns:{here.Region}:{account.Id}:{action}")],
                Dimensions = [.. alarmEntry.Dimensions],
                ConfigurationUpdated = state.Now,
                StateUpdated = state.Now,
            };
        }

        foreach (var ruleEntry in region.Rules)
        {
            here.EventRules[ruleEntry.Name] = BuildRule(account, here, ruleEntry);
        }

        foreach (var trailEntry in region.Trails)
        {
            here.Trails[trailEntry.Name] = BuildTrail(state, account, here, trailEntry);
        }
    }

    private static Trail BuildTrail(EmulatorState state, AccountState account, RegionState here, ScenarioFile.TrailEntry entry)
    {
        var bucket = entry.Bucket ?? $"cloudtrail-{account.Id}-{entry.Name}".ToLowerInvariant();
        if (!state.Buckets.ContainsKey(bucket))
        {
            state.Buckets[bucket] = new Bucket(bucket, account.Id, here.Region, state.Now);
        }

        var trail = new Trail(account.Id, here.Region, entry.Name)
        {
            S3BucketName = bucket,
            IsMultiRegion = entry.MultiRegion,
            IsOrganizationTrail = entry.Organization,
            IsLogging = entry.Logging,
            StartLoggingTime = entry.Logging ? state.Now : null,
        };
        if (entry.LogGroup is not null)
        {
            trail.CloudWatchLogsLogGroupArn = $"arn:aws:logs:{here.Region}:{account.Id}:log-group:{entry.LogGroup}:*";
            trail.CloudWatchLogsRoleArn = AddRole(state, account, entry.LogsRole).Arn;
        }

        if (entry.AdvancedEventSelectors is { } advanced)
        {
            trail.AdvancedEventSelectors = ToJson(advanced) as JsonArray;
            trail.EventSelectors = null;
            trail.HasCustomEventSelectors = true;
        }
        else if (entry.ManagementEvents != "all")
        {
            trail.HasCustomEventSelectors = true;
            trail.EventSelectors = entry.ManagementEvents == "none"
                ? [(JsonNode)new JsonObject { ["ReadWriteType"] = "All", ["IncludeManagementEvents"] = false, ["DataResources"] = new JsonArray(), ["ExcludeManagementEventSources"] = new JsonArray() }]
                : [(JsonNode)new JsonObject { ["ReadWriteType"] = entry.ManagementEvents == "readOnly" ? "ReadOnly" : "WriteOnly", ["IncludeManagementEvents"] = true, ["DataResources"] = new JsonArray(), ["ExcludeManagementEventSources"] = new JsonArray() }];
        }

        return trail;
    }

    private static EventRule BuildRule(AccountState account, RegionState here, ScenarioFile.RuleEntry entry)
    {
        var rule = new EventRule(account.Id, here.Region, entry.Name, account.Id)
        {
            State = entry.State,
            EventPattern = entry.Pattern,
            ScheduleExpression = entry.Schedule,
            Description = entry.Description,
        };
        for (var i = 0; i < entry.Targets.Count; i++)
        {
            var target = entry.Targets[i];
            var stored = new JsonObject
            {
                ["Id"] = target.Id ?? $"target-{i + 1}",
                ["Arn"] = target.Arn.StartsWith("arn:", StringComparison.Ordinal) ? target.Arn : $"arn:aws:sns:{here.Region}:{account.Id}:{target.Arn}",
            };
            if (target.Role is { } role)
            {
                stored["RoleArn"] = role.StartsWith("arn:", StringComparison.Ordinal) ? role : $"arn:aws:iam::{account.Id}:role/{role}";
            }

            if (target.Input is { } input)
            {
                stored["Input"] = input;
            }
            else if (target.InputPath is { } path)
            {
                stored["InputPath"] = path;
            }
            else if (target.InputTemplate is { } template)
            {
                stored["InputTransformer"] = new JsonObject { ["InputTemplate"] = template };
            }

            rule.Targets.Add(stored);
        }

        return rule;
    }

    /// <summary>AWS's default topic policy plus a statement letting CloudWatch publish, as alarm set-ups usually add.</summary>
    private static string CloudWatchMayPublish(Topic topic)
    {
        var policy = JsonNode.Parse(topic.DefaultPolicy())!.AsObject();
        // as a JsonNode: Add<T> would serialize a T by reflection, which a NativeAOT build cannot
        policy["Statement"]!.AsArray().Add((JsonNode)new JsonObject
        {
            ["Sid"] = "AllowCloudWatchAlarms",
            ["Effect"] = "Allow",
            ["Principal"] = new JsonObject { ["Service"] = "cloudwatch.amazonaws.com" },
            ["Action"] = "SNS:Publish",
            ["Resource"] = topic.Arn,
        });
        return policy.ToJsonString();
    }

    /// <summary>YAML's object graph (dictionaries, lists, scalars) as JSON.</summary>
    private static JsonNode? ToJson(object? value) => value switch
    {
        null => null,
        IDictionary<object, object> map => new JsonObject(map.Select(pair => new KeyValuePair<string, JsonNode?>(pair.Key.ToString()!, ToJson(pair.Value)))),
        string text => JsonValue.Create(text),
        IEnumerable list => new JsonArray([.. list.Cast<object?>().Select(ToJson)]),
        _ => JsonValue.Create(value.ToString()),
    };
}
