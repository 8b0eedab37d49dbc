#!/usr/bin/env python3
"""Builds an account that alerts on console sign-ins without MFA only through EventBridge rules, in a moto server with
boto3, the way a user would.

usage: build-moto-eventbridge.py ENDPOINT VARIANT REGION...
  complete              a multi-region trail (no log group, so no metric filter chain), and in every REGION an enabled
                        rule on the default bus (source aws.signin, detail-type "AWS Console Sign In via CloudTrail",
                        MFAUsed anything-but Yes) targeting an SNS topic of its own REGION (a rule's targets must be in
                        the rule's region) whose policy lets events.amazonaws.com publish, with an SQS subscription (moto
                        confirms it at once)
  disabled              the same with every rule DISABLED
  default-topic-policy  the same with the topic keeping the policy SNS gives a new topic
  region-gap            the same with no rule in the last REGION
"""
import json
import sys

import boto3

endpoint, variant, regions = sys.argv[1], sys.argv[2], sys.argv[3:]
HOME = regions[0]
PATTERN = {
    "source": ["aws.signin"],
    "detail-type": ["AWS Console Sign In via CloudTrail"],
    "detail": {"eventName": ["ConsoleLogin"], "additionalEventData": {"MFAUsed": [{"anything-but": "Yes"}]}},
}


def client(name, region=HOME):
    return boto3.client(name, region_name=region, endpoint_url=endpoint,
                        aws_access_key_id="testing", aws_secret_access_key="testing")


account = client("sts").get_caller_identity()["Account"]
client("s3").create_bucket(Bucket="cloudtrail-logs-bucket")
cloudtrail = client("cloudtrail")
cloudtrail.create_trail(Name="management-events", S3BucketName="cloudtrail-logs-bucket", IsMultiRegionTrail=True)
cloudtrail.put_event_selectors(TrailName="management-events",
                               EventSelectors=[{"ReadWriteType": "All", "IncludeManagementEvents": True}])
cloudtrail.start_logging(Name="management-events")


def alerts_topic(region):
    """The region's topic with its policy and a confirmed SQS subscriber."""
    sns = client("sns", region)
    topic = sns.create_topic(Name="signin-alerts")["TopicArn"]
    if variant != "default-topic-policy":
        sns.set_topic_attributes(TopicArn=topic, AttributeName="Policy", AttributeValue=json.dumps({
            "Version": "2012-10-17",
            "Statement": [{"Sid": "EventBridgePublishes", "Effect": "Allow", "Principal": {"Service": "events.amazonaws.com"},
                           "Action": "sns:Publish", "Resource": topic}],
        }))
    sqs = client("sqs", region)
    queue = sqs.create_queue(QueueName="signin-alerts")["QueueUrl"]
    queue_arn = sqs.get_queue_attributes(QueueUrl=queue, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
    sns.subscribe(TopicArn=topic, Protocol="sqs", Endpoint=queue_arn)
    return topic


for region in regions[:-1] if variant == "region-gap" else regions:
    topic = alerts_topic(region)
    events = client("events", region)
    events.put_rule(Name="console-signin-without-mfa", EventPattern=json.dumps(PATTERN),
                    State="DISABLED" if variant == "disabled" else "ENABLED")
    events.put_targets(Rule="console-signin-without-mfa", Targets=[{"Id": "signin-alerts", "Arn": topic}])
