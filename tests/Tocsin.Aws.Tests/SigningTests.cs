using System.Text;
using System.Text.Json;
using Amazon.Runtime;
using Microsoft.Extensions.Time.Testing;
using Tocsin.Aws.Http;

namespace Tocsin.Aws.Tests;

public class SigningTests
{
    public static TheoryData<string> Cases() => [.. Fixture.RootElement.GetProperty("cases").EnumerateArray().Select(c => c.GetProperty("name").GetString()!)];

    private static readonly JsonDocument Fixture = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "signing-fixtures.json")));

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Requests_are_signed_exactly_as_botocore_signs_them(string name)
    {
        var fixture = Fixture.RootElement;
        var @case = fixture.GetProperty("cases").EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);
        var token = @case.GetProperty("sessionToken").GetString();
        var credentials = token is null
            ? new BasicAWSCredentials(fixture.GetProperty("accessKey").GetString(), fixture.GetProperty("secretKey").GetString())
            : (AWSCredentials)new SessionAWSCredentials(fixture.GetProperty("accessKey").GetString(), fixture.GetProperty("secretKey").GetString(), token);
        var clock = new FakeTimeProvider(DateTimeOffset.Parse(fixture.GetProperty("signedAt").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        var network = new ScriptedNetwork(ScriptedNetwork.Ok(""));
        using var invoker = new HttpMessageInvoker(new SigningHandler(new ClockOffset(clock), network));

        var request = new HttpRequestMessage(HttpMethod.Post, @case.GetProperty("url").GetString())
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes(@case.GetProperty("body").GetString()!)),
        };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", @case.GetProperty("contentType").GetString());
        if (@case.GetProperty("target").GetString() is { } target)
        {
            request.Headers.TryAddWithoutValidation("X-Amz-Target", target);
        }

        var service = new AwsService("x", @case.GetProperty("service").GetString()!, "x", "X");
        request.Options.Set(AwsCall.Key, new AwsCall(service, @case.GetProperty("region").GetString()!, "x:Op", credentials, "123456789012"));
        (await invoker.SendAsync(request, CancellationToken.None)).Dispose();

        var sent = network.Sent.Single().Request;
        sent.Headers.GetValues("X-Amz-Date").Single().ShouldBe(@case.GetProperty("amzDate").GetString());
        sent.Headers.GetValues("Authorization").Single().ShouldBe(@case.GetProperty("authorization").GetString());
    }
}
