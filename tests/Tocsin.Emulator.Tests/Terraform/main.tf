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
    cloudwatch     = var.endpoint
    cloudwatchlogs = var.endpoint
    sns            = var.endpoint
    sts            = var.endpoint
    iam            = var.endpoint
  }
}

resource "aws_cloudwatch_log_group" "trail" {
  name = "terraform-trail"
}

resource "aws_cloudwatch_log_metric_filter" "no_mfa" {
  name           = "console-signin-without-mfa"
  log_group_name = aws_cloudwatch_log_group.trail.name
  pattern        = "{ ($.eventName = \"ConsoleLogin\") && ($.additionalEventData.MFAUsed != \"Yes\") }"
  metric_transformation {
    name      = "ConsoleSigninWithoutMFA"
    namespace = "CISBenchmark"
    value     = "1"
  }
}

resource "aws_sns_topic" "alarms" {
  name = "terraform-alarms"
}

resource "aws_sns_topic_subscription" "security" {
  topic_arn = aws_sns_topic.alarms.arn
  protocol  = "email"
  endpoint  = "security@example.com"
}

resource "aws_cloudwatch_metric_alarm" "no_mfa" {
  alarm_name          = "console-signin-without-mfa"
  metric_name         = aws_cloudwatch_log_metric_filter.no_mfa.metric_transformation[0].name
  namespace           = "CISBenchmark"
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 1
  comparison_operator = "GreaterThanOrEqualToThreshold"
  alarm_actions       = [aws_sns_topic.alarms.arn]
}
