using System.Text;
using Microsoft.AspNetCore.Http;
using Tocsin.Emulator.Protocol;

namespace Tocsin.Emulator.Tests;

/// <summary>The verifier against a request botocore signed (headers and signature copied from botocore's SigV4Auth).</summary>
public sealed class SigV4VerifierTests
{
    private const string Authorization = "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261126/us-east-1/sts/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=e98cf3103f6a0c233654185a45a77652982f10ae7e4b221fc85b59471b1f9bc8";
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("Action=GetCallerIdentity&Version=2011-06-15");

    private static HeaderDictionary Headers() => new()
    {
        ["Content-Type"] = "application/x-www-form-urlencoded; charset=utf-8",
        ["Host"] = "127.0.0.1:4566",
        ["X-Amz-Date"] = "20261126T220839Z",
    };

    private static SigV4Request Signed() => SigV4Request.Parse(Authorization, "20261126T220839Z", out _)!;

    [Fact]
    public void A_request_botocore_signed_verifies_with_the_right_secret()
    {
        SigV4Verifier.Matches(Signed(), "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "POST", "/", string.Empty, Headers(), Body).ShouldBeTrue();
    }

    [Fact]
    public void A_request_does_not_verify_with_another_secret()
    {
        SigV4Verifier.Matches(Signed(), "not-the-secret", "POST", "/", string.Empty, Headers(), Body).ShouldBeFalse();
    }

    [Fact]
    public void A_request_whose_body_changed_after_signing_does_not_verify()
    {
        var tampered = Encoding.UTF8.GetBytes("Action=GetCallerIdentity&Version=2011-06-16");
        SigV4Verifier.Matches(Signed(), "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "POST", "/", string.Empty, Headers(), tampered).ShouldBeFalse();
    }

    [Fact]
    public void The_credential_scope_names_the_service_and_region_that_route_the_request()
    {
        var signed = Signed();
        (signed.AccessKeyId, signed.Region, signed.Service).ShouldBe(("AKIDEXAMPLE", "us-east-1", "sts"));
    }

    [Fact]
    public void A_header_without_a_credential_is_not_taken_as_signed()
    {
        SigV4Request.Parse("AWS4-HMAC-SHA256 SignedHeaders=host, Signature=00", "20261126T220839Z", out var problem).ShouldBeNull();
        problem.ShouldContain("Credential");
    }
}
