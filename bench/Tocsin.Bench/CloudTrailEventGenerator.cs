using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Tocsin.Bench;

/// <summary>
/// A deterministic stream of CloudTrail records (one compact JSON object per line) in the real record shape,
/// mixed as an ordinary account's trail is: mostly read-only API calls by roles and services, a few percent
/// console sign-ins (with and without MFA, failed, root, federated), IAM, CloudTrail, EC2 network, S3 policy,
/// KMS, Config and Organizations changes, some denied calls, and some records with large request parameters.
/// </summary>
internal sealed class CloudTrailEventGenerator(int seed)
{
    private static readonly (string Source, string Name, bool ReadOnly)[] OrdinaryCalls =
    [
        ("ec2.amazonaws.com", "DescribeInstances", true), ("ec2.amazonaws.com", "DescribeVolumes", true),
        ("ec2.amazonaws.com", "DescribeSecurityGroups", true), ("s3.amazonaws.com", "ListBuckets", true),
        ("s3.amazonaws.com", "GetBucketAcl", true), ("sts.amazonaws.com", "AssumeRole", true),
        ("sts.amazonaws.com", "GetCallerIdentity", true), ("kms.amazonaws.com", "Decrypt", true),
        ("kms.amazonaws.com", "GenerateDataKey", true), ("logs.amazonaws.com", "DescribeLogGroups", true),
        ("lambda.amazonaws.com", "ListFunctions20150331", true), ("ssm.amazonaws.com", "GetParameter", true),
        ("cloudformation.amazonaws.com", "DescribeStacks", true), ("monitoring.amazonaws.com", "DescribeAlarms", true),
        ("iam.amazonaws.com", "GetRole", true), ("iam.amazonaws.com", "ListAttachedRolePolicies", true),
        ("dynamodb.amazonaws.com", "DescribeTable", true), ("ecr.amazonaws.com", "GetAuthorizationToken", true),
        ("ec2.amazonaws.com", "CreateTags", false), ("ssm.amazonaws.com", "PutParameter", false),
        ("lambda.amazonaws.com", "UpdateFunctionConfiguration20150331v2", false), ("ec2.amazonaws.com", "RunInstances", false),
    ];

    private static readonly (string Source, string[] Names)[] ChangeCalls =
    [
        ("iam.amazonaws.com", ["PutRolePolicy", "AttachRolePolicy", "CreatePolicy", "CreatePolicyVersion", "DetachUserPolicy", "DeleteRolePolicy"]),
        ("cloudtrail.amazonaws.com", ["UpdateTrail", "StopLogging", "StartLogging", "CreateTrail"]),
        ("ec2.amazonaws.com", ["AuthorizeSecurityGroupIngress", "RevokeSecurityGroupEgress", "CreateSecurityGroup", "CreateRoute", "ReplaceRoute", "CreateNetworkAclEntry", "CreateVpc", "AttachInternetGateway"]),
        ("s3.amazonaws.com", ["PutBucketPolicy", "PutBucketAcl", "DeleteBucketCors", "PutBucketLifecycle"]),
        ("kms.amazonaws.com", ["DisableKey", "ScheduleKeyDeletion"]),
        ("config.amazonaws.com", ["PutConfigurationRecorder", "StopConfigurationRecorder"]),
        ("organizations.amazonaws.com", ["CreateAccount", "AttachPolicy", "MoveAccount"]),
    ];

    private static readonly string[] Regions = ["us-east-1", "us-east-1", "us-west-2", "eu-west-1", "ap-southeast-2"];
    private static readonly string[] Agents =
    [
        "aws-cli/2.15.30 Python/3.11.8 Linux/5.10.210-201.852.amzn2.x86_64 exe/x86_64.amzn.2 prompt/off command/ec2.describe-instances",
        "Boto3/1.34.69 md/Botocore#1.34.69 ua/2.0 os/linux#5.10.213 md/arch#x86_64 lang/python#3.12.2 md/pyimpl#CPython cfg/retry-mode#legacy Botocore/1.34.69",
        "aws-sdk-go-v2/1.25.2 os/linux lang/go#1.21.8 md/GOOS#linux md/GOARCH#amd64 api/ec2#1.150.0",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/123.0.0.0 Safari/537.36",
        "terraform-provider-aws/5.42.0 (+https://registry.terraform.io/providers/hashicorp/aws) aws-sdk-go-v2/1.26.0",
    ];

    private readonly Random _random = new(seed);
    private int _sequence;

    /// <summary>The number of records generated so far; the next record's time follows from it.</summary>
    public int Sequence
    {
        get => _sequence;
        init => _sequence = value;
    }

    /// <summary>Generates records until at least <paramref name="totalBytes"/> bytes are written; one record per line.</summary>
    public byte[] GenerateLines(int totalBytes)
    {
        var buffer = new ArrayBufferWriter<byte>(totalBytes + 64 * 1024);
        while (buffer.WrittenCount < totalBytes)
        {
            WriteRecord(buffer);
            buffer.Write("\n"u8);
        }

        return buffer.WrittenSpan.ToArray();
    }

    private void WriteRecord(IBufferWriter<byte> output)
    {
        // CloudTrail does not escape HTML-sensitive characters such as '+' and '&'; neither do we.
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        var roll = _random.NextDouble();
        if (roll < 0.03)
            WriteConsoleLogin(json);
        else if (roll < 0.07)
            WriteChange(json);
        else
            WriteOrdinary(json);
    }

    private void WriteOrdinary(Utf8JsonWriter json)
    {
        var (source, name, readOnly) = OrdinaryCalls[_random.Next(OrdinaryCalls.Length)];
        var service = _random.NextDouble() < 0.25;
        var denied = _random.NextDouble() < 0.04;
        var region = Regions[_random.Next(Regions.Length)];
        Begin(json, service ? "AWSService" : _random.NextDouble() < 0.8 ? "AssumedRole" : "IAMUser", service ? source : null);
        Common(json, source, name, region, service ? source : "198.51.100." + _random.Next(1, 255), service ? source : Agents[_random.Next(Agents.Length)]);
        if (denied)
        {
            var code = _random.Next(3) switch { 0 => "AccessDenied", 1 => "Client.UnauthorizedOperation", _ => "ThrottlingException" };
            json.WriteString("errorCode", code);
            json.WriteString("errorMessage", "User: arn:aws:sts::111122223333:assumed-role/app/i-0abc is not authorized to perform: " + name);
        }

        json.WritePropertyName("requestParameters");
        if (name == "RunInstances" && _random.NextDouble() < 0.5)
            LargeRunInstances(json);
        else if (readOnly && _random.NextDouble() < 0.4)
            json.WriteNullValue();
        else
            SmallParameters(json);
        json.WritePropertyName("responseElements");
        if (readOnly || denied)
            json.WriteNullValue();
        else
            SmallParameters(json);
        End(json, readOnly, service ? "AwsServiceEvent" : "AwsApiCall", region);
    }

    private void WriteConsoleLogin(Utf8JsonWriter json)
    {
        var kind = _random.Next(10);
        var identityType = kind switch { 0 => "Root", 1 or 2 => "AssumedRole", _ => "IAMUser" };
        Begin(json, identityType, null);
        Common(json, "signin.amazonaws.com", "ConsoleLogin", "us-east-1", "203.0.113." + _random.Next(1, 255), Agents[3]);
        var failed = _random.NextDouble() < 0.15;
        if (failed)
            json.WriteString("errorMessage", "Failed authentication");
        json.WriteNull("requestParameters");
        json.WriteStartObject("responseElements");
        json.WriteString("ConsoleLogin", failed ? "Failure" : "Success");
        json.WriteEndObject();
        json.WriteStartObject("additionalEventData");
        json.WriteString("LoginTo", "https://console.aws.amazon.com/console/home?state=hashArgs%23&isauthcode=true");
        json.WriteString("MobileVersion", "No");
        if (identityType != "AssumedRole")
            json.WriteString("MFAUsed", _random.NextDouble() < 0.6 ? "Yes" : "No");
        json.WriteEndObject();
        End(json, readOnly: false, "AwsConsoleSignIn", "us-east-1");
    }

    private void WriteChange(Utf8JsonWriter json)
    {
        var (source, names) = ChangeCalls[_random.Next(ChangeCalls.Length)];
        var name = names[_random.Next(names.Length)];
        var region = Regions[_random.Next(Regions.Length)];
        Begin(json, "AssumedRole", null);
        Common(json, source, name, region, "198.51.100." + _random.Next(1, 255), Agents[_random.Next(Agents.Length)]);
        json.WritePropertyName("requestParameters");
        if (name.Contains("Policy", StringComparison.Ordinal))
            PolicyParameters(json, name);
        else if (name.StartsWith("Authorize", StringComparison.Ordinal) || name.StartsWith("Revoke", StringComparison.Ordinal))
            IpPermissions(json);
        else
            SmallParameters(json);
        json.WriteNull("responseElements");
        End(json, readOnly: false, "AwsApiCall", region);
    }

    private void Begin(Utf8JsonWriter json, string identityType, string? invokedBy)
    {
        json.WriteStartObject();
        json.WriteString("eventVersion", "1.09");
        json.WriteStartObject("userIdentity");
        json.WriteString("type", identityType);
        if (identityType == "AWSService")
        {
            json.WriteString("invokedBy", invokedBy);
        }
        else
        {
            json.WriteString("principalId", identityType == "Root" ? "111122223333" : "AROAEXAMPLEROLEID:session-" + _random.Next(1000));
            json.WriteString("arn", identityType switch
            {
                "Root" => "arn:aws:iam::111122223333:root",
                "IAMUser" => "arn:aws:iam::111122223333:user/user" + _random.Next(50),
                _ => "arn:aws:sts::111122223333:assumed-role/AWSReservedSSO_Admin_0123456789abcdef/user" + _random.Next(50) + "@example.com",
            });
            json.WriteString("accountId", "111122223333");
            json.WriteString("accessKeyId", "ASIAEXAMPLE" + _random.Next(100000, 999999).ToString(CultureInfo.InvariantCulture));
            if (identityType == "AssumedRole")
            {
                json.WriteStartObject("sessionContext");
                json.WriteStartObject("sessionIssuer");
                json.WriteString("type", "Role");
                json.WriteString("principalId", "AROAEXAMPLEROLEID");
                json.WriteString("arn", "arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_Admin_0123456789abcdef");
                json.WriteString("accountId", "111122223333");
                json.WriteString("userName", "AWSReservedSSO_Admin_0123456789abcdef");
                json.WriteEndObject();
                json.WriteStartObject("attributes");
                json.WriteString("creationDate", "2024-05-01T11:58:02Z");
                json.WriteString("mfaAuthenticated", "false");
                json.WriteEndObject();
                json.WriteEndObject();
            }
        }

        json.WriteEndObject();
    }

    private void Common(Utf8JsonWriter json, string source, string name, string region, string ip, string agent)
    {
        _sequence++;
        var time = new DateTime(2024, 5, 1, 0, 0, 0, DateTimeKind.Utc).AddSeconds(_sequence * 0.37);
        json.WriteString("eventTime", time.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
        json.WriteString("eventSource", source);
        json.WriteString("eventName", name);
        json.WriteString("awsRegion", region);
        json.WriteString("sourceIPAddress", ip);
        json.WriteString("userAgent", agent);
    }

    private void End(Utf8JsonWriter json, bool readOnly, string eventType, string region)
    {
        json.WriteString("requestID", Guid(_random));
        json.WriteString("eventID", Guid(_random));
        json.WriteBoolean("readOnly", readOnly);
        json.WriteString("eventType", eventType);
        json.WriteBoolean("managementEvent", true);
        json.WriteString("recipientAccountId", "111122223333");
        json.WriteString("eventCategory", "Management");
        json.WriteStartObject("tlsDetails");
        json.WriteString("tlsVersion", "TLSv1.3");
        json.WriteString("cipherSuite", "TLS_AES_128_GCM_SHA256");
        json.WriteString("clientProvidedHostHeader", "service." + region + ".amazonaws.com");
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private void SmallParameters(Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteString("resourceId", "res-" + _random.Next(100000).ToString("x8", CultureInfo.InvariantCulture));
        json.WriteNumber("maxResults", 50);
        json.WriteStartArray("filterSet");
        for (var i = _random.Next(3); i > 0; i--)
        {
            json.WriteStartObject();
            json.WriteString("name", "tag:Environment");
            json.WriteStartArray("valueSet");
            json.WriteStringValue("production");
            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private void PolicyParameters(Utf8JsonWriter json, string name)
    {
        json.WriteStartObject();
        json.WriteString("roleName", "app-role-" + _random.Next(20));
        json.WriteString("policyName", name + "-inline");
        var statements = string.Join(',', Enumerable.Range(0, 5 + _random.Next(40)).Select(i =>
            "{\"Sid\":\"Stmt" + i + "\",\"Effect\":\"Allow\",\"Action\":[\"s3:GetObject\",\"s3:PutObject\",\"kms:Decrypt\"]," +
            "\"Resource\":[\"arn:aws:s3:::bucket-" + i + "/*\"],\"Condition\":{\"StringEquals\":{\"aws:PrincipalOrgID\":\"o-exampleorgid\"}}}"));
        json.WriteString("policyDocument", "{\"Version\":\"2012-10-17\",\"Statement\":[" + statements + "]}");
        json.WriteEndObject();
    }

    private void IpPermissions(Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteString("groupId", "sg-0" + _random.Next(100000, 999999).ToString(CultureInfo.InvariantCulture));
        json.WriteStartObject("ipPermissions");
        json.WriteStartArray("items");
        for (var i = 1 + _random.Next(4); i > 0; i--)
        {
            json.WriteStartObject();
            json.WriteString("ipProtocol", "tcp");
            json.WriteNumber("fromPort", 443);
            json.WriteNumber("toPort", 443);
            json.WriteStartObject("ipRanges");
            json.WriteStartArray("items");
            json.WriteStartObject();
            json.WriteString("cidrIp", "10." + _random.Next(256) + ".0.0/16");
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private void LargeRunInstances(Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteStartObject("instancesSet");
        json.WriteStartArray("items");
        json.WriteStartObject();
        json.WriteString("imageId", "ami-0abcdef1234567890");
        json.WriteNumber("minCount", 1);
        json.WriteNumber("maxCount", 1);
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteString("instanceType", "m6i.large");
        json.WriteString("userData", "<sensitiveDataRemoved>"); // CloudTrail redacts user data
        json.WriteStartObject("tagSpecificationSet");
        json.WriteStartArray("items");
        json.WriteStartObject();
        json.WriteString("resourceType", "instance");
        json.WriteStartArray("tags");
        for (var i = 20 + _random.Next(200); i > 0; i--)
        {
            json.WriteStartObject();
            json.WriteString("key", "team:cost-center:" + i.ToString(CultureInfo.InvariantCulture));
            json.WriteString("value", "cc-" + _random.Next(100000).ToString("d6", CultureInfo.InvariantCulture) + " owner=platform-engineering@example.com");
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteStartObject("blockDeviceMapping");
        json.WriteStartArray("items");
        for (var i = 0; i < 8; i++)
        {
            json.WriteStartObject();
            json.WriteString("deviceName", "/dev/sd" + (char)('b' + i));
            json.WriteStartObject("ebs");
            json.WriteNumber("volumeSize", 100 + i);
            json.WriteBoolean("deleteOnTermination", true);
            json.WriteString("volumeType", "gp3");
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static string Guid(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        return new System.Guid(bytes).ToString();
    }
}
