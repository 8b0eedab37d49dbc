namespace Tocsin.Emulator.State;

/// <summary>An AWS Organization: its management account owns organization trails that cover every member.</summary>
public sealed record Organization(string Id, string ManagementAccountId, string ManagementAccountEmail, string RootId)
{
    public string Arn => $"arn:aws:organizations::{ManagementAccountId}:organization/{Id}";

    public string AccountArn(string accountId) => $"arn:aws:organizations::{ManagementAccountId}:account/{Id}/{accountId}";
}
