using System.Reflection;
using System.Text.Json;
using Tocsin.Aws.Clients;

namespace Tocsin.Aws.Tests;

public class PermissionTests
{
    public static TheoryData<string> ClientOperations() =>
    [
        .. typeof(Permissions).Assembly.GetTypes()
            .Where(type => type.Namespace == typeof(Permissions).Namespace && type.Name.EndsWith("Client", StringComparison.Ordinal))
            .SelectMany(type => type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Select(method => $"{method.DeclaringType!.Name}.{method.Name}"),
    ];

    /// <summary>Calls whose IAM action is not named after them (Service Authorization Reference).</summary>
    private static readonly Dictionary<string, string> OtherlyNamed = new() { ["HeadBucket"] = "ListBucket" };

    [Theory]
    [MemberData(nameof(ClientOperations))]
    public void Every_client_operation_declares_the_IAM_action_named_after_it(string operation)
    {
        var (typeName, methodName) = (operation.Split('.')[0], operation.Split('.')[1]);
        var method = typeof(Permissions).Assembly.GetTypes().Single(t => t.Name == typeName).GetMethod(methodName)!;
        var declared = method.GetCustomAttributes<RequiresPermissionAttribute>().Select(a => a.Action).ToList();
        declared.ShouldNotBeEmpty();
        var call = methodName[..^"Async".Length];
        var action = declared[0].Split(':')[1];
        (call.StartsWith(action, StringComparison.Ordinal) || OtherlyNamed.GetValueOrDefault(call) == action).ShouldBeTrue($"{operation} declares {declared[0]}");
        // A trail write that names the delivery role also passes it to CloudTrail.
        declared.Skip(1).ShouldAllBe(extra => extra == "iam:PassRole");
    }

    [Fact]
    public void Applying_a_plan_needs_the_scan_reads_and_the_writes_but_the_scan_policy_has_no_write()
    {
        Permissions.All.ShouldNotContain("logs:PutMetricFilter");
        Permissions.ForApply.ShouldContain("logs:PutMetricFilter");
        Permissions.ForApply.ShouldContain("iam:PassRole");
        Permissions.ForApply.ShouldContain("cloudtrail:DescribeTrails");
        Permissions.ForApply.ShouldNotContain("sts:AssumeRole");
    }

    [Fact]
    public void The_least_privilege_policy_allows_exactly_the_declared_read_actions()
    {
        using var policy = JsonDocument.Parse(Permissions.PolicyDocument(Permissions.All));
        var statement = policy.RootElement.GetProperty("Statement")[0];
        statement.GetProperty("Effect").GetString().ShouldBe("Allow");
        statement.GetProperty("Action").EnumerateArray().Select(a => a.GetString()).ShouldBe(
        [
            "cloudtrail:DescribeTrails", "cloudtrail:GetEventSelectors", "cloudtrail:GetTrailStatus", "cloudwatch:DescribeAlarms",
            "ec2:DescribeRegions", "kms:DescribeKey", "kms:GetKeyPolicy", "logs:DescribeMetricFilters", "organizations:DescribeOrganization", "organizations:ListAccounts",
            "sns:GetTopicAttributes", "sns:ListSubscriptionsByTopic", "sts:AssumeRole", "sts:GetCallerIdentity",
        ]);
    }

    [Fact]
    public void Reading_EventBridge_needs_the_rule_target_and_role_reads_and_a_scan_without_it_needs_none_of_them()
    {
        Permissions.ForEventBridge.ShouldBe(
        [
            "events:ListRules", "events:ListTargetsByRule", "iam:GetPolicy", "iam:GetPolicyVersion", "iam:GetRole", "iam:GetRolePolicy",
            "iam:ListAttachedRolePolicies", "iam:ListRolePolicies",
        ]);
        Permissions.All.ShouldNotContain(action => action.StartsWith("events:") || action.StartsWith("iam:"));
    }

    [Fact]
    public void Member_accounts_need_no_organization_action_nor_AssumeRole()
    {
        Permissions.ForAccounts.ShouldNotContain(action => action.StartsWith("organizations:") || action == "sts:AssumeRole");
        Permissions.ForOrganizationScanner.ShouldBe(["organizations:DescribeOrganization", "organizations:ListAccounts", "sts:AssumeRole"]);
    }
}
