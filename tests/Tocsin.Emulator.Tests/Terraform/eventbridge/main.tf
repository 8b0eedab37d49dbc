terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "5.100.0"
    }
  }
}

variable "endpoint" {
  type = string
}

provider "aws" {
  region                      = "us-east-1"
  access_key                  = "testing"
  secret_key                  = "testing"
  skip_credentials_validation = true
  skip_metadata_api_check     = true
  skip_requesting_account_id  = true
  skip_region_validation      = true
  endpoints {
    cloudwatchevents = var.endpoint
    sns              = var.endpoint
    sts              = var.endpoint
  }
}

resource "aws_sns_topic" "alarms" {
  name = "terraform-eventbridge-alarms"
}

resource "aws_cloudwatch_event_rule" "signin_without_mfa" {
  name        = "console-signin-without-mfa"
  description = "Console sign-in without MFA"
  event_pattern = jsonencode({
    source        = ["aws.signin"]
    "detail-type" = ["AWS Console Sign In via CloudTrail"]
    detail = {
      additionalEventData = { MFAUsed = [{ "anything-but" = "Yes" }] }
    }
  })
  tags = {
    control = "console-signin-without-mfa"
  }
}

resource "aws_cloudwatch_event_target" "alarms" {
  rule      = aws_cloudwatch_event_rule.signin_without_mfa.name
  target_id = "security-alarms"
  arn       = aws_sns_topic.alarms.arn
}
