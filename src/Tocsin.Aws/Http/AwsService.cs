namespace Tocsin.Aws.Http;

/// <summary>
/// An AWS service as the wire sees it: the DNS prefix of its endpoint, the name it signs with, the prefix of its IAM
/// actions and the id the SDKs use for <c>AWS_ENDPOINT_URL_&lt;ID&gt;</c>.
/// </summary>
/// <param name="EndpointPrefix">The first DNS label of the endpoint, e.g. <c>logs</c> in <c>logs.eu-west-1.amazonaws.com</c>.</param>
/// <param name="SigningName">The SigV4 service name, e.g. <c>monitoring</c> for CloudWatch.</param>
/// <param name="IamPrefix">The prefix of the IAM actions, e.g. <c>cloudwatch</c> in <c>cloudwatch:DescribeAlarms</c>.</param>
/// <param name="EnvironmentId">The SDKs' service id in environment variable form, e.g. <c>CLOUDWATCH_LOGS</c>.</param>
/// <param name="GlobalRegion">For a service with one endpoint per partition (Organizations, IAM), the region it lives in, keyed by partition.</param>
/// <param name="GlobalHost">For a global service whose public endpoint names no region (IAM: <c>iam.amazonaws.com</c>), that host in the <c>aws</c> partition.</param>
public sealed record AwsService(
    string EndpointPrefix,
    string SigningName,
    string IamPrefix,
    string EnvironmentId,
    IReadOnlyDictionary<string, string>? GlobalRegion = null,
    string? GlobalHost = null)
{
    public static readonly AwsService CloudTrail = new("cloudtrail", "cloudtrail", "cloudtrail", "CLOUDTRAIL");

    public static readonly AwsService Logs = new("logs", "logs", "logs", "CLOUDWATCH_LOGS");

    public static readonly AwsService CloudWatch = new("monitoring", "monitoring", "cloudwatch", "CLOUDWATCH");

    public static readonly AwsService Sns = new("sns", "sns", "sns", "SNS");

    public static readonly AwsService Kms = new("kms", "kms", "kms", "KMS");

    public static readonly AwsService Sts = new("sts", "sts", "sts", "STS");

    public static readonly AwsService Ec2 = new("ec2", "ec2", "ec2", "EC2");

    public static readonly AwsService Events = new("events", "events", "events", "EVENTBRIDGE");

    public static readonly AwsService Organizations = new("organizations", "organizations", "organizations", "ORGANIZATIONS",
        new Dictionary<string, string> { ["aws"] = "us-east-1", ["aws-cn"] = "cn-northwest-1", ["aws-us-gov"] = "us-gov-west-1" });

    /// <summary>IAM is global: signed for us-east-1 (in the aws partition), served from iam.amazonaws.com.</summary>
    public static readonly AwsService Iam = new("iam", "iam", "iam", "IAM",
        new Dictionary<string, string> { ["aws"] = "us-east-1", ["aws-cn"] = "cn-north-1", ["aws-us-gov"] = "us-gov-west-1" },
        "iam.amazonaws.com");

    /// <summary>S3 over REST-XML, path style against the regional endpoint (or the endpoint override).</summary>
    public static readonly AwsService S3 = new("s3", "s3", "s3", "S3");

    public override string ToString() => EndpointPrefix;
}
