using System.Text.Json.Serialization;
using Tocsin.Emulator.State;

namespace Tocsin.Emulator;

/// <summary>Whether an account belongs to the organization, and its tags: what <see cref="EmulatorControl.Resources"/> shows of an account.</summary>
internal sealed record AccountMembership(bool IsOrganizationMember, SortedDictionary<string, string> Tags);

/// <summary>
/// The JSON of each resource <see cref="EmulatorControl.Resources"/> shows: property names as declared, cycles left out.
/// Generated at compile time, so NativeAOT builds need no reflection.
/// </summary>
[JsonSourceGenerationOptions(ReferenceHandler = JsonKnownReferenceHandler.IgnoreCycles)]
[JsonSerializable(typeof(AccountMembership))]
[JsonSerializable(typeof(Role))]
[JsonSerializable(typeof(Trail))]
[JsonSerializable(typeof(LogGroup))]
[JsonSerializable(typeof(Alarm))]
[JsonSerializable(typeof(Topic))]
[JsonSerializable(typeof(EventRule))]
[JsonSerializable(typeof(KmsKey))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(Bucket))]
[JsonSerializable(typeof(Organization))]
internal sealed partial class ResourceJson : JsonSerializerContext;
