using System.Formats.Cbor;
using Tocsin.Emulator.Protocol;

namespace Tocsin.Emulator.Tests;

public class CborBodyTests
{
    [Fact]
    public void A_timestamp_outside_the_years_1_to_9999_is_a_serialization_error()
    {
        // Found by fuzzing: the conversion's ArgumentOutOfRangeException left the request without an AWS error.
        var writer = new CborWriter();
        writer.WriteStartMap(1);
        writer.WriteTextString("StartTime");
        writer.WriteTag(CborTag.UnixTimeSeconds);
        writer.WriteDouble(1e300);
        writer.WriteEndMap();

        Should.Throw<AwsError>(() => CborBody.Read(writer.Encode())).Code.ShouldBe("SerializationException");
    }

    [Fact]
    public void A_body_nested_deeper_than_any_request_is_a_serialization_error_not_a_stack_overflow()
    {
        byte[] body = [0xA1, 0x61, 0x61, .. Enumerable.Repeat((byte)0x81, 200_000), 0x01];

        Should.Throw<AwsError>(() => CborBody.Read(body)).Message.ShouldBe("The request body nests more than 128 levels deep.");
    }
}
