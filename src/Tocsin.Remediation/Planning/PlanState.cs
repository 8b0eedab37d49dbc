using Tocsin.Core.Controls;
using Tocsin.Core.Inventory;
using Tocsin.Remediation.Plans;

namespace Tocsin.Remediation.Planning;

/// <summary>
/// The plan while it is built: the steps so far (each once, in order), the inventory they would leave behind, and the
/// topic each account and region sends its alarms to.
/// </summary>
internal sealed class PlanState(CloudInventory inventory, PlanOptions options, IReadOnlyList<Control> controls)
{
    private readonly List<PlanStep> _steps = [];
    private readonly HashSet<string> _keys = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Account, string Region), string> _topics = [];
    private readonly List<string> _warnings = [];

    public CloudInventory Inventory { get; private set; } = inventory;

    public PlanOptions Options { get; } = options;

    /// <summary>The controls being planned, so a variant's warning can say whether another control covers what it drops.</summary>
    public IReadOnlyList<Control> Controls { get; } = controls;

    public IReadOnlyList<PlanStep> Steps => _steps;

    public IReadOnlyList<string> Warnings => _warnings;

    /// <summary>Adds the steps not already planned and projects each onto the inventory; false when all were planned already.</summary>
    public bool Add(IEnumerable<PlanStep> steps)
    {
        var added = false;
        foreach (var step in steps)
        {
            if (_keys.Add(step.Key))
            {
                _steps.Add(step);
                Inventory = InventoryProjection.Apply(Inventory, step);
                added = true;
            }
        }

        return added;
    }

    public void Warn(string warning)
    {
        if (!_warnings.Contains(warning))
        {
            _warnings.Add(warning);
        }
    }

    public string? TopicFor(string accountId, string region) => _topics.GetValueOrDefault((accountId, region));

    public void UseTopic(string accountId, string region, string topicArn) => _topics[(accountId, region)] = topicArn;

    public bool Planned(string key) => _keys.Contains(key);

    /// <summary>Topics a planned subscription must still be confirmed on.</summary>
    public IReadOnlySet<string> TopicsAwaitingConfirmation =>
        _steps.OfType<Subscribe>().Where(s => s.NeedsConfirmation).Select(s => s.TopicArn)
            .Concat(_steps.OfType<ManualStep>().Select(m => m.TopicArn).OfType<string>())
            .ToHashSet(StringComparer.Ordinal);
}
