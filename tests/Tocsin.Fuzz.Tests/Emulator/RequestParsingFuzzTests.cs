using System.Formats.Cbor;
using System.Reflection;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Tocsin.Emulator.Protocol;
using Tocsin.Fuzz.Tests.Harness;
using Tocsin.Fuzz.Tests.Patterns;

namespace Tocsin.Fuzz.Tests.Emulator;

[Collection(FuzzCollection.Name)]
public class RequestParsingFuzzTests(ITestOutputHelper output)
{
    private static readonly string[] SigningNames = ["sts", "organizations", "cloudtrail", "logs", "monitoring", "sns", "kms", "ec2", "iam", "s3"];

    private static readonly ServiceCatalog Catalog = ServiceCatalog.Standard();

    /// <summary>The pipeline's reading of a request into operation and input, for every protocol (private: reached as the pipeline reaches it).</summary>
    private static readonly Func<HttpRequest, ServiceDefinition, string, byte[], (string, JsonObject, bool)> ReadCall =
        typeof(RequestPipeline).GetMethod("ReadCall", BindingFlags.NonPublic | BindingFlags.Static)!
            .CreateDelegate<Func<HttpRequest, ServiceDefinition, string, byte[], (string, JsonObject, bool)>>();

    private static readonly string[] FormTokens = ["&", "=", "%", "%ZZ", "+", ".member.", ".entry.", ".1", ".999999999", ".99999999999", ".-1", "..", "Action=", "key", "value", "\0"];

    [Fact]
    public void An_emulator_request_body_is_read_or_refused_with_an_aws_error()
    {
        var target = new FuzzTarget<EmulatorRequest>("emulator request parsing", Generate, r => r.Body.Length + r.Query.Length * 2L, r => r.ToString(), Check);
        FuzzCampaign.Run(target, output).ShouldBeGreaterThan(0);
    }

    private static EmulatorRequest Generate(Random random)
    {
        var service = SigningNames[random.Next(SigningNames.Length)];
        var prefix = Catalog.BySigningName(service)!.TargetPrefix ?? "X";
        switch (random.Next(4))
        {
            case 0:
                var json = random.Next(4) == 0 ? Mutations.Mutate(random, JsonEvents.Object(random), FormTokens) : JsonEvents.Object(random);
                return new(service, "POST", "/", "", prefix + ".Op", false, Encoding.UTF8.GetBytes(json));
            case 1:
                return new(service, "POST", $"/service/{prefix}/operation/Op", "", "", true, Cbor(random));
            case 2:
                var form = "Action=Op&Version=1&A.member.1=x&A.member.2=y&M.entry.1.key=k&M.entry.1.value=v&L.1=a";
                var mutated = Mutations.Mutate(random, form, FormTokens);
                return random.Next(2) == 0
                    ? new(service, "POST", "/", "", "", false, Encoding.UTF8.GetBytes(mutated))
                    : new(service, "GET", "/", "?" + mutated.Replace("#", "%23", StringComparison.Ordinal), "", false, []);
            default:
                return new(service, random.Next(2) == 0 ? "PUT" : "GET", "/" + Mutations.Mutate(random, "bucket/key", FormTokens).Replace("?", "", StringComparison.Ordinal).Replace("#", "", StringComparison.Ordinal), random.Next(2) == 0 ? "?policy" : "", "", false,
                    Encoding.UTF8.GetBytes(Mutations.Mutate(random, "{\"Version\":\"2012-10-17\"}", FormTokens)));
        }
    }

    /// <summary>CBOR built from random items (deep nesting, big integers, tags, floats) and then bytes flipped or cut.</summary>
    private static byte[] Cbor(Random random)
    {
        var writer = new CborWriter(CborConformanceMode.Lax);
        WriteItem(random, writer, depth: 0);
        var bytes = writer.Encode();
        switch (random.Next(6))
        {
            case 0 when bytes.Length > 0:
                bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
                break;
            case 1:
                bytes = bytes[..random.Next(bytes.Length + 1)];
                break;
            case 2:
                // Thousands of nested one-element arrays.
                bytes = [0xA1, 0x61, 0x61, .. Enumerable.Repeat((byte)0x81, 1 << random.Next(4, 18)), 0x01];
                break;
        }

        return bytes;
    }

    private static void WriteItem(Random random, CborWriter writer, int depth)
    {
        switch (depth == 0 ? 0 : random.Next(depth > 4 ? 2 : 12))
        {
            case 0:
                var count = random.Next(0, 4);
                writer.WriteStartMap(count);
                for (var i = 0; i < count; i++)
                {
                    writer.WriteTextString(JsonEvents.Keys[random.Next(JsonEvents.Keys.Length)] + i);
                    WriteItem(random, writer, depth + 1);
                }

                writer.WriteEndMap();
                break;
            case 1:
                writer.WriteTextString(JsonEvents.Strings[random.Next(JsonEvents.Strings.Length)]);
                break;
            case 2:
                writer.WriteUInt64(random.Next(2) == 0 ? ulong.MaxValue : (ulong)random.NextInt64());
                break;
            case 3:
                writer.WriteInt64(-random.NextInt64());
                break;
            case 4:
                writer.WriteTag(CborTag.UnixTimeSeconds);
                writer.WriteDouble(random.Next(4) switch { 0 => double.NaN, 1 => 1e300, 2 => -1e300, _ => 1.7e9 });
                break;
            case 5:
                writer.WriteDouble(random.Next(3) switch { 0 => double.NaN, 1 => double.PositiveInfinity, _ => 0.5 });
                break;
            case 6:
                writer.WriteByteString([1, 2, 3]);
                break;
            case 7:
                writer.WriteBoolean(true);
                break;
            case 8:
                writer.WriteNull();
                break;
            case 9:
                writer.WriteSimpleValue((CborSimpleValue)random.Next(0, 20));
                break;
            default:
                var length = random.Next(0, 4);
                writer.WriteStartArray(length);
                for (var i = 0; i < length; i++)
                    WriteItem(random, writer, depth + 1);
                writer.WriteEndArray();
                break;
        }
    }

    private static void Check(EmulatorRequest input)
    {
        var http = new DefaultHttpContext();
        http.Request.Method = input.Method;
        try
        {
            http.Request.Path = input.Path;
        }
        catch (InvalidOperationException)
        {
            return; // a path that decodes to a NUL: Kestrel's decoder answers 400 before any handler runs, so no such request reaches the emulator
        }

        http.Request.QueryString = new QueryString(input.Query);
        if (input.Target.Length > 0)
            http.Request.Headers["X-Amz-Target"] = input.Target;
        if (input.Cbor)
            http.Request.Headers["smithy-protocol"] = "rpc-v2-cbor";
        try
        {
            var (operation, _, _) = ReadCall(http.Request, Catalog.BySigningName(input.Service)!, input.Target, input.Body);
            operation.ShouldNotBeNull();
        }
        catch (AwsError refused)
        {
            refused.Code.ShouldNotBeNullOrWhiteSpace();
            refused.Message.ShouldNotBeNullOrWhiteSpace();
        }
    }
}

public sealed record EmulatorRequest(string Service, string Method, string Path, string Query, string Target, bool Cbor, byte[] Body)
{
    public override string ToString() =>
        $"{Service} {Method} {Printable.Text(Path)}{Printable.Text(Query)} target={Target} cbor={Cbor} body {Printable.Bytes(Body)} = {Printable.Text(Encoding.UTF8.GetString(Body))}";
}
