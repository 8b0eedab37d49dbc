using System.Text.Json.Nodes;
using Tocsin.Emulator.State;

namespace Tocsin.Emulator.Protocol;

/// <summary>One authenticated call: who (key and account, from the credentials), where (region, from the signature's scope), what.</summary>
internal sealed record CallContext(
    EmulatorState State,
    AccessKey Caller,
    AccountState Account,
    string Region,
    string Operation,
    JsonObject Input,
    string RequestId)
{
    public RegionState Here => Account.Region(Region);

    public DateTimeOffset Now => State.Now;
}

/// <summary>An operation: reads its input, changes or reads state, returns its output members (null for none).</summary>
internal delegate JsonObject? Operation(CallContext call);
