namespace Tocsin.Aws.Collection;

/// <summary>The account and region an SNS topic lives in, read from its ARN.</summary>
internal readonly record struct TopicKey(string AccountId, string Region)
{
    public static TopicKey? Of(string topicArn) =>
        topicArn.Split(':') is [_, _, "sns", var region, var account, _, ..] ? new TopicKey(account, region) : null;
}
