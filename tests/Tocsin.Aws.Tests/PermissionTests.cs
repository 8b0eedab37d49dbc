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

    [Theory]
    [MemberData(nameof(ClientOperations))]
    public void Every_client_operation_declares_the_IAM_action_named_after_it(string operation)
    {
        var (typeName, methodName) = (operation.Split('.')[0], operation.Split('.')[1]);
        var method = typeof(Permissions).Assembly.GetTypes().Single(t => t.Name == typeName).GetMethod(methodName)!;
        var declared = method.GetCustomAttributes<RequiresPermissionAttribute>().Select(a => a.Action).ToList();
        declared.ShouldHaveSingleItem();
        declared[0].Split(':')[1].ShouldBe(methodName[..^"Async".Length]);
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
    public void Member_accounts_need_no_organization_action_nor_AssumeRole()
    {
        Permissions.ForAccounts.ShouldNotContain(action => action.StartsWith("organizations:") || action == "sts:AssumeRole");
        Permissions.ForOrganizationScanner.ShouldBe(["organizations:DescribeOrganization", "organizations:ListAccounts", "sts:AssumeRole"]);
    }
}
