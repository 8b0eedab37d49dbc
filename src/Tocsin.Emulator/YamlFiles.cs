using Tocsin.Emulator.Faults;
using Tocsin.Emulator.Scenarios;
using YamlDotNet.Serialization;

namespace Tocsin.Emulator;

/// <summary>The types the emulator's YAML files are read into, for which readers are generated at compile time.</summary>
[YamlStaticContext]
[YamlSerializable(typeof(ScenarioFile))]
[YamlSerializable(typeof(ScenarioFile.OrganizationEntry))]
[YamlSerializable(typeof(ScenarioFile.AccountEntry))]
[YamlSerializable(typeof(ScenarioFile.KeyEntry))]
[YamlSerializable(typeof(ScenarioFile.RoleEntry))]
[YamlSerializable(typeof(ScenarioFile.BucketEntry))]
[YamlSerializable(typeof(ScenarioFile.RegionEntry))]
[YamlSerializable(typeof(ScenarioFile.RuleEntry))]
[YamlSerializable(typeof(ScenarioFile.RuleTargetEntry))]
[YamlSerializable(typeof(ScenarioFile.TrailEntry))]
[YamlSerializable(typeof(ScenarioFile.LogGroupEntry))]
[YamlSerializable(typeof(ScenarioFile.FilterEntry))]
[YamlSerializable(typeof(ScenarioFile.AlarmEntry))]
[YamlSerializable(typeof(ScenarioFile.TopicEntry))]
[YamlSerializable(typeof(ScenarioFile.KmsKeyEntry))]
[YamlSerializable(typeof(ScenarioFile.SubscriptionEntry))]
[YamlSerializable(typeof(FaultFile))]
[YamlSerializable(typeof(FaultFile.ScopeEntry))]
[YamlSerializable(typeof(FaultFile.RuleEntry))]
public sealed partial class YamlFiles : StaticContext;
