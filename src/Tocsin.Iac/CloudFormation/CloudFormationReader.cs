using Tocsin.Core.Inventory;

namespace Tocsin.Iac.CloudFormation;

/// <summary>
/// Reads CloudFormation templates, YAML or JSON, into the chain's resources. Files that are not templates are skipped;
/// a file that does not parse, or an unknown intrinsic, is a problem with its position and the rest is still read.
/// </summary>
public static class CloudFormationReader
{
    /// <summary>Types read first, so a key is known before the aliases and topics that name it.</summary>
    private static readonly string[] KeysFirst = ["AWS::KMS::Key", "AWS::KMS::Alias"];

    public static IacRead Read(IReadOnlyList<(string Path, string Text)> files, IacSettings settings)
    {
        var read = IacRead.Empty;
        var parts = new TopicParts();
        var unplaced = new List<(MetricFilter Filter, Unknown Why)>();
        foreach (var (path, text) in files)
        {
            var (root, problem) = TemplateFile.Parse(path, text);
            if (problem is not null)
            {
                read = read with { Problems = [.. read.Problems, problem] };
            }

            if (root is not null)
            {
                read = read.Plus(Template(new TemplateScope(path, settings, root), parts, unplaced)) with
                {
                    Problems = [.. read.Problems, .. UnknownTags.In(path, root)],
                };
            }
        }

        return read with
        {
            MetricFilters =
            [
                .. read.MetricFilters,
                .. unplaced.SelectMany(u => FilterResources.Placed(u.Filter, u.Why, read.Trails)),
                .. FilterResources.Outside(read, settings),
            ],
            Topics = TopicAssembly.Topics(parts, read.Alarms, settings),
        };
    }

    private static IacRead Template(TemplateScope scope, TopicParts parts, List<(MetricFilter Filter, Unknown Why)> unplaced)
    {
        var values = new ValueResolver(scope);
        var identity = values.Identity;
        var (trails, groups, filters, alarms) = (new List<Trail>(), new List<LogGroup>(), new List<MetricFilter>(), new List<Alarm>());
        var rules = new List<EventRule>();
        var ordered = scope.Resources.Values.OrderBy(r => Array.IndexOf(KeysFirst, r.Type) is var i and >= 0 ? i : KeysFirst.Length);
        foreach (var resource in ordered)
        {
            var existence = Existence(resource, values, scope.Path);
            if (existence is { Deployed: false })
            {
                continue;
            }

            var properties = new ResourceProperties(resource, values, scope.Path, existence?.Unknown);
            switch (resource.Type)
            {
                case "AWS::CloudTrail::Trail": trails.Add(TrailResource.Read(properties, identity, scope.Settings)); break;
                case "AWS::Logs::LogGroup" when FilterResources.LogGroup(properties, identity, scope.Settings) is { } group: groups.Add(group); break;
                case "AWS::Logs::MetricFilter":
                    var (filter, why) = FilterResources.MetricFilter(properties, identity);
                    if (why is null)
                    {
                        filters.Add(filter);
                    }
                    else
                    {
                        unplaced.Add((filter, why));
                    }

                    break;
                case "AWS::CloudWatch::Alarm": alarms.Add(AlarmResource.Read(properties, identity, scope.Settings)); break;
                case "AWS::SNS::Topic": TopicResources.Topic(properties, identity, parts, resource, scope.Path); break;
                case "AWS::SNS::Subscription": TopicResources.Subscription(properties, parts); break;
                case "AWS::SNS::TopicPolicy": TopicResources.TopicPolicy(properties, parts); break;
                case "AWS::SNS::TopicInlinePolicy": TopicResources.TopicInlinePolicy(properties, parts); break;
                case "AWS::KMS::Key": TopicResources.Key(properties, identity, resource, parts); break;
                case "AWS::KMS::Alias": TopicResources.Alias(properties, identity, scope.Settings, parts); break;
                case "AWS::Events::Rule" when EventRuleResource.Read(properties, identity, resource) is { } rule: rules.Add(rule); break;
            }
        }

        return new IacRead(trails, groups, filters, alarms, [], []) { EventRules = rules };
    }

    /// <summary>
    /// A resource under a condition exists only when the condition holds. When the condition cannot be resolved the
    /// resource is read, but the value that decides its link (a trail's logging, a filter's pattern, an alarm's actions,
    /// a topic's subscribers or policy) is unknown: whether it will exist is not known before deployment.
    /// </summary>
    private static (bool Deployed, Unknown? Unknown)? Existence(TemplateResource resource, ValueResolver values, string path)
    {
        if (resource.Condition is null)
        {
            return null;
        }

        try
        {
            return (values.Condition(resource.Condition), null);
        }
        catch (Unresolvable why)
        {
            return (true, new Unknown(UnknownReason.Unresolved, $"whether {resource.LogicalId} is deployed depends on condition {resource.Condition}: {why.Message}"));
        }
    }
}
