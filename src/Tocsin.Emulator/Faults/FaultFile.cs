namespace Tocsin.Emulator.Faults;

/// <summary>The faults file as written (YAML); see <see cref="FaultPlan.Parse"/>.</summary>
internal sealed class FaultFile
{
    public int Seed { get; set; }

    public double TimeoutSeconds { get; set; } = 10;

    /// <summary>How long a trickling reply waits between two bytes.</summary>
    public double TrickleMs { get; set; } = 1000;

    /// <summary>How large an oversized reply is made.</summary>
    public long OversizedBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>How far the emulator's clock is from the true time (positive: ahead).</summary>
    public double ClockSkewMinutes { get; set; }

    public List<RuleEntry> Rules { get; set => field = value ?? []; } = [];

    public List<ScopeEntry> AccessDenied { get; set => field = value ?? []; } = [];

    public List<ScopeEntry> DisabledRegions { get; set => field = value ?? []; } = [];

    internal class ScopeEntry
    {
        public string Operation { get; set => field = value ?? "*"; } = "*";

        public string Account { get; set => field = value ?? "*"; } = "*";

        public string Region { get; set => field = value ?? "*"; } = "*";

        public FaultScope ToScope() => new(Operation, Account, Region);
    }

    internal sealed class RuleEntry : ScopeEntry
    {
        public double Throttle { get; set; }

        public double ServerError { get; set; }

        public double Timeout { get; set; }

        public double ConnectionReset { get; set; }

        public double Malformed { get; set; }

        public double Truncated { get; set; }

        public double WrongContentType { get; set; }

        public double Oversized { get; set; }

        public double Trickle { get; set; }

        public double LatencyMs { get; set; }

        public double JitterMs { get; set; }

        /// <summary>Each rate with its fault kind, in the order a request's draw meets them.</summary>
        public IReadOnlyList<(string Name, FaultKind Kind, double Rate)> Rates() =>
        [
            ("throttle", FaultKind.Throttle, Throttle),
            ("serverError", FaultKind.ServerError, ServerError),
            ("timeout", FaultKind.Timeout, Timeout),
            ("connectionReset", FaultKind.ConnectionReset, ConnectionReset),
            ("malformed", FaultKind.Malformed, Malformed),
            ("truncated", FaultKind.Truncated, Truncated),
            ("wrongContentType", FaultKind.WrongContentType, WrongContentType),
            ("oversized", FaultKind.Oversized, Oversized),
            ("trickle", FaultKind.Trickle, Trickle),
        ];
    }
}
