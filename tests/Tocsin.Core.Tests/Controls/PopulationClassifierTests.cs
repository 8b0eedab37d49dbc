using System.Text;
using Tocsin.Core.Controls;

namespace Tocsin.Core.Tests.Controls;

/// <summary>
/// Every record a backtest replays is put in one population of the control: the first, in catalog order, whose
/// match pattern recognises it. The corpus is checked in full; the hand-written records are realistic CloudTrail
/// records that are not in the corpus.
/// </summary>
public class PopulationClassifierTests
{
    private const string Account = "444455556666";

    private static Control ControlWith(string id) => ControlCatalog.Default.Find(id)!;

    private static string Classify(string controlId, string record) =>
        PopulationClassifier.For(ControlWith(controlId)).Classify(Encoding.UTF8.GetBytes(record));

    private static string SignIn(string identity, string outcome, string additionalEventData, string? errorMessage = null) =>
        "{\"eventVersion\":\"1.10\",\"userIdentity\":" + identity + ",\"eventTime\":\"2026-05-11T06:41:02Z\"," +
        "\"eventSource\":\"signin.amazonaws.com\",\"eventName\":\"ConsoleLogin\",\"awsRegion\":\"eu-central-1\"," +
        "\"sourceIPAddress\":\"198.51.100.140\",\"userAgent\":\"Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15\"," +
        (errorMessage is null ? "" : $"\"errorMessage\":\"{errorMessage}\",") +
        "\"requestParameters\":null,\"responseElements\":{\"ConsoleLogin\":\"" + outcome + "\"}," +
        "\"additionalEventData\":" + additionalEventData + "," +
        "\"eventID\":\"0e5d1c2a-7f43-4b8e-9d61-2f0c7a9b3e15\",\"readOnly\":false,\"eventType\":\"AwsConsoleSignIn\"," +
        "\"managementEvent\":true,\"recipientAccountId\":\"" + Account + "\",\"eventCategory\":\"Management\"," +
        "\"tlsDetails\":{\"tlsVersion\":\"TLSv1.3\",\"cipherSuite\":\"TLS_AES_128_GCM_SHA256\",\"clientProvidedHostHeader\":\"eu-central-1.signin.aws.amazon.com\"}}";

    private static string ApiCall(string identity, string eventSource, string eventName, string extra = "") =>
        "{\"eventVersion\":\"1.10\",\"userIdentity\":" + identity + ",\"eventTime\":\"2026-05-11T07:02:44Z\"," +
        $"\"eventSource\":\"{eventSource}\",\"eventName\":\"{eventName}\",\"awsRegion\":\"us-east-1\"," +
        "\"sourceIPAddress\":\"203.0.113.9\",\"userAgent\":\"aws-cli/2.17.2 md/awscrt#0.20.11 ua/2.0 os/macos#23.4.0 md/arch#arm64 lang/python#3.11.9\"," +
        extra + "\"requestParameters\":null,\"responseElements\":null,\"requestID\":\"b7c1f0e2-55a9-4d0e-8f3b-6a2e91d4c7a8\"," +
        "\"eventID\":\"5a3e8d7c-1b2f-4c6e-9a0d-3e4f5a6b7c8d\",\"readOnly\":false,\"eventType\":\"AwsApiCall\"," +
        "\"managementEvent\":true,\"recipientAccountId\":\"" + Account + "\",\"eventCategory\":\"Management\"}";

    private const string IamUser =
        "{\"type\":\"IAMUser\",\"principalId\":\"AIDA6ON6E4XEGITEXAMPLE\",\"arn\":\"arn:aws:iam::" + Account + ":user/mateo\",\"accountId\":\"" + Account + "\",\"userName\":\"mateo\"}";

    private const string Root =
        "{\"type\":\"Root\",\"principalId\":\"" + Account + "\",\"arn\":\"arn:aws:iam::" + Account + ":root\",\"accountId\":\"" + Account + "\"}";

    private const string NoMfa = "{\"LoginTo\":\"https://eu-central-1.console.aws.amazon.com/console/home?region=eu-central-1\",\"MobileVersion\":\"No\",\"MFAUsed\":\"No\"}";

    private const string WithMfa = "{\"LoginTo\":\"https://eu-central-1.console.aws.amazon.com/console/home?region=eu-central-1\",\"MobileVersion\":\"No\",\"MFAIdentifier\":\"arn:aws:iam::" + Account + ":u2f/user/mateo/yubikey-5C\",\"MFAUsed\":\"Yes\"}";

    [Theory]
    [MemberData(nameof(CatalogFixture.ControlIds), MemberType = typeof(CatalogFixture))]
    public void Every_corpus_event_is_classified_as_the_population_it_is_labelled_with(string id)
    {
        var control = ControlWith(id);
        var classifier = PopulationClassifier.For(control);
        var wrong = control.Corpus
            .Select(corpusEvent => (corpusEvent, actual: classifier.Classify(Encoding.UTF8.GetBytes(corpusEvent.Message))))
            .Where(pair => pair.actual != pair.corpusEvent.Population)
            .Select(pair => $"{pair.corpusEvent.Description}: {pair.corpusEvent.Population} classified as {pair.actual}");
        wrong.ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(CatalogFixture.ControlIds), MemberType = typeof(CatalogFixture))]
    public void The_names_are_the_populations_in_catalog_order_then_unclassified(string id)
    {
        var control = ControlWith(id);
        PopulationClassifier.For(control).Names
            .ShouldBe(control.Populations.Select(population => population.Name).Append("unclassified"));
    }

    [Fact]
    public void A_control_is_compiled_once_and_its_classifier_reused()
    {
        var control = ControlWith("console-signin-without-mfa");
        PopulationClassifier.For(control).ShouldBeSameAs(PopulationClassifier.For(control));
    }

    [Fact]
    public void An_identity_center_sign_in_through_an_aws_reserved_sso_role_is_identity_center_not_saml()
    {
        const string identity =
            "{\"type\":\"AssumedRole\",\"principalId\":\"AROA6ON6E4XEGITEXAMPLE:priya@example.org\"," +
            "\"arn\":\"arn:aws:sts::" + Account + ":assumed-role/AWSReservedSSO_ReadOnlyAccess_3f1e2d4c5b6a7980/priya@example.org\",\"accountId\":\"" + Account + "\"}";
        const string additional = "{\"LoginTo\":\"https://console.aws.amazon.com/console/home\",\"MobileVersion\":\"No\",\"MFAUsed\":\"No\"," +
            "\"SamlProviderArn\":\"arn:aws:iam::" + Account + ":saml-provider/AWSSSO_3f1e2d4c5b6a7980_DO_NOT_DELETE\"}";

        Classify("console-signin-without-mfa", SignIn(identity, "Success", additional)).ShouldBe("identity-center");
    }

    [Fact]
    public void A_sign_in_federated_through_a_saml_provider_is_saml_federated()
    {
        const string identity =
            "{\"type\":\"AssumedRole\",\"principalId\":\"AROA6ON6E4XEGITEXAMPLE:priya@example.org\"," +
            "\"arn\":\"arn:aws:sts::" + Account + ":assumed-role/EntraID-PowerUser/priya@example.org\",\"accountId\":\"" + Account + "\"}";
        const string additional = "{\"LoginTo\":\"https://console.aws.amazon.com/console/home\",\"MobileVersion\":\"No\",\"MFAUsed\":\"No\"," +
            "\"SamlProviderArn\":\"arn:aws:iam::" + Account + ":saml-provider/EntraID\"}";

        Classify("console-signin-without-mfa", SignIn(identity, "Success", additional)).ShouldBe("saml-federated");
    }

    [Fact]
    public void A_root_sign_in_without_mfa_is_root_no_mfa()
    {
        Classify("console-signin-without-mfa", SignIn(Root, "Success", NoMfa)).ShouldBe("root-no-mfa");
    }

    [Fact]
    public void A_root_sign_in_with_mfa_is_root_mfa()
    {
        Classify("console-signin-without-mfa", SignIn(Root, "Success", WithMfa)).ShouldBe("root-mfa");
    }

    [Fact]
    public void An_iam_user_sign_in_with_a_password_only_is_iam_user_no_mfa()
    {
        Classify("console-signin-without-mfa", SignIn(IamUser, "Success", NoMfa)).ShouldBe("iam-user-no-mfa");
    }

    [Fact]
    public void An_iam_user_sign_in_with_a_security_key_is_iam_user_mfa()
    {
        Classify("console-signin-without-mfa", SignIn(IamUser, "Success", WithMfa)).ShouldBe("iam-user-mfa");
    }

    [Fact]
    public void A_failed_sign_in_for_a_user_name_hidden_due_to_security_reasons_is_a_failed_sign_in()
    {
        const string unknown = "{\"type\":\"IAMUser\",\"accountId\":\"" + Account + "\",\"accessKeyId\":\"\",\"userName\":\"HIDDEN_DUE_TO_SECURITY_REASONS\"}";

        Classify("console-signin-without-mfa", SignIn(unknown, "Failure", NoMfa, "Failed authentication")).ShouldBe("failed-sign-in");
    }

    [Fact]
    public void A_wrong_iam_user_password_is_a_failed_sign_in_not_a_sign_in_without_mfa()
    {
        Classify("console-signin-without-mfa", SignIn(IamUser, "Failure", NoMfa, "Failed authentication")).ShouldBe("failed-sign-in");
    }

    [Fact]
    public void A_wrong_root_password_is_root_no_mfa_the_first_population_that_describes_it()
    {
        // root-no-mfa (ConsoleLogin, Root, MFAUsed "No") comes before failed-sign-in in catalog order; both are
        // covered by another control's alarm (root-account-usage, console-auth-failures).
        Classify("console-signin-without-mfa", SignIn(Root, "Failure", NoMfa, "Failed authentication")).ShouldBe("root-no-mfa");
    }

    [Fact]
    public void A_sign_in_whose_additional_event_data_has_no_mfa_used_key_is_mfa_field_missing()
    {
        const string noMfaKey = "{\"LoginTo\":\"https://console.aws.amazon.com/console/home\",\"MobileVersion\":\"No\"}";

        Classify("console-signin-without-mfa", SignIn(IamUser, "Success", noMfaKey)).ShouldBe("mfa-field-missing");
    }

    [Fact]
    public void An_mfa_check_by_the_sign_in_service_is_another_sign_in_event()
    {
        var checkMfa = SignIn(IamUser, "Success", NoMfa).Replace("\"eventName\":\"ConsoleLogin\"", "\"eventName\":\"CheckMfa\"", StringComparison.Ordinal);

        Classify("console-signin-without-mfa", checkMfa).ShouldBe("other-sign-in-event");
    }

    [Fact]
    public void An_api_call_from_the_cli_is_another_api_call()
    {
        Classify("console-signin-without-mfa", ApiCall(IamUser, "s3.amazonaws.com", "ListBuckets")).ShouldBe("other-api-call");
    }

    [Fact]
    public void A_record_no_population_describes_is_unclassified()
    {
        // A console sign-in through a custom identity broker (GetFederationToken): neither IAM user, root, SAML nor
        // Identity Center.
        const string broker = "{\"type\":\"FederatedUser\",\"principalId\":\"" + Account + ":contractor\",\"arn\":\"arn:aws:sts::" + Account + ":federated-user/contractor\",\"accountId\":\"" + Account + "\"}";

        Classify("console-signin-without-mfa", SignIn(broker, "Success", NoMfa)).ShouldBe("unclassified");
    }

    [Theory]
    [InlineData("")]
    [InlineData("2026-05-11T06:41:02Z START RequestId: 7a1c Version: $LATEST")]
    [InlineData("{\"eventName\":\"ConsoleLogin\"")]
    public void A_line_that_is_not_a_json_record_is_unclassified(string line)
    {
        Classify("console-signin-without-mfa", line).ShouldBe("unclassified");
    }

    [Fact]
    public void A_root_sign_in_with_mfa_is_a_root_console_sign_in()
    {
        Classify("root-account-usage", SignIn(Root, "Success", WithMfa)).ShouldBe("root-console-sign-in");
    }

    [Fact]
    public void A_wrong_root_password_is_a_root_failed_sign_in()
    {
        Classify("root-account-usage", SignIn(Root, "Failure", NoMfa, "Failed authentication")).ShouldBe("root-failed-sign-in");
    }

    [Fact]
    public void An_access_key_created_with_root_credentials_is_a_root_api_call()
    {
        var rootWithKey = Root.Replace("}", ",\"accessKeyId\":\"AKIA6ON6E4XEGEXAMPLE\"}", StringComparison.Ordinal);

        Classify("root-account-usage", ApiCall(rootWithKey, "iam.amazonaws.com", "CreateAccessKey")).ShouldBe("root-api-call");
    }

    [Fact]
    public void A_call_a_service_makes_for_the_root_user_is_root_invoked_by_service()
    {
        var invoked = Root.Replace("}", ",\"invokedBy\":\"trustedadvisor.amazonaws.com\"}", StringComparison.Ordinal);

        Classify("root-account-usage", ApiCall(invoked, "ec2.amazonaws.com", "DescribeSecurityGroups")).ShouldBe("root-invoked-by-service");
    }

    [Fact]
    public void A_root_credential_verification_is_a_root_service_event()
    {
        var verification = ApiCall(Root, "signin.amazonaws.com", "CredentialVerification", "\"serviceEventDetails\":{\"CredentialType\":\"TOTP\",\"CredentialVerification\":\"Success\"},")
            .Replace("\"AwsApiCall\"", "\"AwsServiceEvent\"", StringComparison.Ordinal);

        Classify("root-account-usage", verification).ShouldBe("root-service-event");
    }

    [Fact]
    public void An_api_call_by_an_assumed_role_is_not_root()
    {
        const string role = "{\"type\":\"AssumedRole\",\"principalId\":\"AROA6ON6E4XEGITEXAMPLE:deploy\",\"arn\":\"arn:aws:sts::" + Account + ":assumed-role/ci-deploy/deploy\",\"accountId\":\"" + Account + "\",\"accessKeyId\":\"ASIA6ON6E4XEGEXAMPLE\"}";

        Classify("root-account-usage", ApiCall(role, "lambda.amazonaws.com", "UpdateFunctionCode20150331v2")).ShouldBe("iam-user-api-call");
    }

    [Fact]
    public void Classifying_allocates_nothing()
    {
        var classifier = PopulationClassifier.For(ControlWith("console-signin-without-mfa"));
        var records = new[]
        {
            SignIn(IamUser, "Success", NoMfa),
            SignIn(Root, "Failure", NoMfa, "Failed authentication"),
            ApiCall(IamUser, "s3.amazonaws.com", "ListBuckets"),
            "not json",
        }.Select(Encoding.UTF8.GetBytes).ToArray();
        foreach (var record in records)
        {
            classifier.Classify(record); // the thread's shared key scan is created on first use
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10_000; i++)
        {
            classifier.Classify(records[i % records.Length]);
        }

        (GC.GetAllocatedBytesForCurrentThread() - before).ShouldBe(0);
    }
}
