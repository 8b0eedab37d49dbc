namespace Tocsin.Remediation.Rendering;

/// <summary>The start of every Terraform rendering: what it needs and how to point it at accounts.</summary>
internal static class TerraformPreamble
{
    public const string Text = """
        # Remediation plan written by Tocsin as Terraform (1.5 or later, hashicorp/aws 5.x).
        # Each account and region has a provider alias with its region and account id; no credentials, profile
        # or endpoint are written here. Give each provider its credentials (profile, assume_role, endpoints) in a
        # file of your own ending in _override.tf, which Terraform merges into the blocks below.
        # Existing resources are named by their literal ARN or name. Changes to existing alarms and topic or key
        # policies are import blocks with the whole resource; changes Terraform cannot make without owning more
        # than the plan knows are comments with the AWS CLI command to run.

        terraform {
          required_version = ">= 1.5.0"
          required_providers {
            aws = {
              source  = "hashicorp/aws"
              version = ">= 5.0, < 6.0"
            }
          }
        }

        """;
}
