namespace Tocsin.Emulator.Faults;

/// <summary>The faults file as written (YAML); see <see cref="FaultPlan.Parse"/>.</summary>
internal sealed class FaultFile
{
    public int Seed { get; set; }

    public double TimeoutSeconds { get; set; } = 10;

    public List<RuleEntry> Rules { get; set; } = [];

    public List<ScopeEntry> AccessDenied { get; set; } = [];

    public List<ScopeEntry> DisabledRegions { get; set; } = [];

    internal class ScopeEntry
    {
        public string Operation { get; set; } = "*";

        public string Account { get; set; } = "*";

        public string Region { get; set; } = "*";

        public FaultScope ToScope() => new(Operation, Account, Region);
    }

    internal sealed class RuleEntry : ScopeEntry
    {
        public double Throttle { get; set; }

        public double ServerError { get; set; }

        public double Timeout { get; set; }

        public double LatencyMs { get; set; }

        public double JitterMs { get; set; }
    }
}
