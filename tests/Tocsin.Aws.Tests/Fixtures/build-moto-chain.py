#!/usr/bin/env python3
"""Builds one account's CIS sign-in alarm chain in a moto server with boto3, the way a user would.

usage: build-moto-chain.py ENDPOINT VARIANT
  complete            multi-region trail -> log group -> CIS filter -> alarm -> topic with a subscriber: passes
  namespace-mismatch  the alarm watches CloudTrailMetrics while the filter emits CISBenchmark: alarm-metric-mismatch
  no-trail            nothing at all: no-trail

moto differs from AWS in ways this script allows for: a new trail has no event selectors (AWS reports the default
all-management-events selector), so they are put explicitly; e-mail subscriptions are confirmed at once.
"""
import sys

import boto3

endpoint, variant = sys.argv[1], sys.argv[2]
REGION = "us-east-1"
PATTERN = '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") }'


def client(name):
    return boto3.client(name, region_name=REGION, endpoint_url=endpoint,
                        aws_access_key_id="testing", aws_secret_access_key="testing")


if variant == "no-trail":
    sys.exit(0)

account = client("sts").get_caller_identity()["Account"]
client("s3").create_bucket(Bucket="cloudtrail-logs-bucket")
logs = client("logs")
logs.create_log_group(logGroupName="aws-cloudtrail-logs")
group_arn = f"arn:aws:logs:{REGION}:{account}:log-group:aws-cloudtrail-logs:*"
role = client("iam").create_role(RoleName="CloudTrail_CloudWatchLogs_Role", AssumeRolePolicyDocument="{}")["Role"]["Arn"]

cloudtrail = client("cloudtrail")
cloudtrail.create_trail(Name="management-events", S3BucketName="cloudtrail-logs-bucket", IsMultiRegionTrail=True,
                        CloudWatchLogsLogGroupArn=group_arn, CloudWatchLogsRoleArn=role)
cloudtrail.start_logging(Name="management-events")
cloudtrail.put_event_selectors(TrailName="management-events",
                               EventSelectors=[{"ReadWriteType": "All", "IncludeManagementEvents": True}])

logs.put_metric_filter(logGroupName="aws-cloudtrail-logs", filterName="console-signin-without-mfa", filterPattern=PATTERN,
                       metricTransformations=[{"metricName": "ConsoleSigninWithoutMFA", "metricNamespace": "CISBenchmark", "metricValue": "1"}])

topic = client("sns").create_topic(Name="security-alarms")["TopicArn"]
client("sns").subscribe(TopicArn=topic, Protocol="email", Endpoint="security@example.com")

namespace = "CloudTrailMetrics" if variant == "namespace-mismatch" else "CISBenchmark"
client("cloudwatch").put_metric_alarm(AlarmName="console-signin-without-mfa", MetricName="ConsoleSigninWithoutMFA", Namespace=namespace,
                                      Statistic="Sum", Period=300, EvaluationPeriods=1, Threshold=1,
                                      ComparisonOperator="GreaterThanOrEqualToThreshold", AlarmActions=[topic])
