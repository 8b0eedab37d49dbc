using Tocsin.Backtest.Input;
using System.Collections.Concurrent;

namespace Tocsin.Backtest.Tests.Input;

/// <summary>Reads every part of a plan the way a backtest would, keeping each record's eventID.</summary>
internal static class Reading
{
    public static (List<string> EventIds, List<PartResult> Results) All(InputPlan plan, ReadLimits? limits = null)
    {
        var ids = new List<string>();
        var results = plan.Parts
            .Select(part => RecordReader.Read(part, record => ids.Add(CloudTrailData.EventId(record)), limits ?? ReadLimits.Default, CancellationToken.None))
            .ToList();
        return (ids, results);
    }

    public static (List<string> EventIds, PartResult Result) File(string path, ReadLimits? limits = null)
    {
        var plan = InputDiscovery.Plan([path], 1);
        plan.Problems.ShouldBeEmpty();
        plan.Parts.Count.ShouldBe(1);
        var (ids, results) = All(plan, limits);
        return (ids, results[0]);
    }

    /// <summary>The records' raw text, for tests about exactly which bytes are handed on.</summary>
    public static List<string> Texts(InputPart part, ReadLimits? limits = null)
    {
        var texts = new ConcurrentQueue<string>();
        RecordReader.Read(part, record => texts.Enqueue(System.Text.Encoding.UTF8.GetString(record)), limits ?? ReadLimits.Default, CancellationToken.None);
        return [.. texts];
    }
}
