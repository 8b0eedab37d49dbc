using Tocsin.Core.Controls;
using Tocsin.Core.Findings;

namespace Tocsin.Reports.Ocsf;

/// <summary>
/// The OCSF 1.8.0 enum values a Compliance Finding (class 2003) takes from a Tocsin finding, each with its caption
/// (the string sibling of an <c>*_id</c> holds the caption of its value).
/// </summary>
public static class OcsfCaptions
{
    public const string SchemaVersion = "1.8.0";
    public const int CategoryUid = 2;
    public const string CategoryName = "Findings";
    public const int ClassUid = 2003;
    public const string ClassName = "Compliance Finding";
    public const int ActivityCreate = 1;
    public const string ActivityName = "Create";
    public const long TypeUid = (ClassUid * 100L) + ActivityCreate;
    public const string TypeName = "Compliance Finding: Create";

    /// <summary><c>severity_id</c>: a pass is Informational; otherwise the control's severity (Low 2 ... Critical 5).</summary>
    public static (int Id, string Caption) Severity(Finding finding, Control? control) =>
        finding.Outcome == Outcome.Pass || control is null
            ? (1, "Informational")
            : control.Severity switch
            {
                Core.Controls.Severity.Low => (2, "Low"),
                Core.Controls.Severity.Medium => (3, "Medium"),
                Core.Controls.Severity.High => (4, "High"),
                _ => (5, "Critical"),
            };

    /// <summary><c>status_id</c> of the finding: Suppressed (3) under an exception, Resolved (4) for a pass, else New (1).</summary>
    public static (int Id, string Caption) Status(Finding finding) =>
        finding.Suppressed ? (3, "Suppressed")
        : finding.Outcome == Outcome.Pass ? (4, "Resolved")
        : (1, "New");

    /// <summary>
    /// <c>compliance.status_id</c>: Pass (1), Fail (3), and for an error Warning (2), which OCSF defines as "the
    /// compliance check did not yield a result due to missing information".
    /// </summary>
    public static (int Id, string Caption) Compliance(Outcome outcome) => outcome switch
    {
        Outcome.Pass => (1, "Pass"),
        Outcome.Fail => (3, "Fail"),
        _ => (2, "Warning"),
    };

    /// <summary><c>resources[].role_id</c>: the link that broke or could not be seen is the Target (1), the others Related (4).</summary>
    public static (int Id, string Caption) Role(bool stop) => stop ? (1, "Target") : (4, "Related");

    /// <summary><c>observables[].type_id</c> 10, Resource UID.</summary>
    public static (int Id, string Caption) ResourceUidObservable => (10, "Resource UID");
}
