namespace Tocsin.Core.Evaluation;

/// <summary>Recognises the AWS managed SNS key, by alias or by the alias ARN a topic may name it with.</summary>
public static class TopicKeys
{
    public static bool IsAwsManagedSnsKey(string keyId) =>
        keyId == "alias/aws/sns" || (keyId.StartsWith("arn:", StringComparison.Ordinal) && keyId.EndsWith(":alias/aws/sns", StringComparison.Ordinal));
}
