namespace Tocsin.Core.Controls;

/// <summary>
/// A kind of CloudTrail record the control is judged on, such as <c>iam-user-no-mfa</c> or <c>saml-federated</c>.
/// </summary>
/// <param name="Name">Kebab-case name, unique within the control.</param>
/// <param name="Description">One sentence in CloudTrail terms (event name, identity type, fields).</param>
/// <param name="Match">
/// A CloudWatch Logs JSON filter pattern (<c>{ ... }</c>) that recognises the records of this population, following
/// <paramref name="Description"/>. A record belongs to the first population, in catalog order, whose pattern matches
/// it (see <see cref="PopulationClassifier"/>); validated at load against every corpus event of the control.
/// </param>
/// <param name="Required">
/// A tuned pattern passes only if it still catches every alerting event of every required population.
/// </param>
/// <param name="CoveredBy">
/// The id of another control whose alarm also catches this population, so a pattern that drops it can say who
/// still alerts (e.g. root sign-ins without MFA are covered by <c>root-account-usage</c>).
/// </param>
/// <param name="Note">What surprises people about how the reference treats this population.</param>
public sealed record Population(
    string Name,
    string Description,
    string Match,
    bool Required,
    string? CoveredBy = null,
    string? Note = null);
