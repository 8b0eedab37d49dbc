using Tocsin.Core.Inventory;

namespace Tocsin.Aws.Collection;

/// <summary>What a collection returns: the inventory to evaluate, and the run summary of the calls it made.</summary>
public sealed record CollectResult(CloudInventory Inventory, CollectSummary Summary);
