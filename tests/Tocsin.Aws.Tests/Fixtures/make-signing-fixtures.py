#!/usr/bin/env python3
"""Writes signing-fixtures.json: requests signed by botocore's SigV4Auth, the reference Tocsin's signer must match.

Run once with Debian's python3-botocore; the output is committed. The keys are the documentation's example keys.
Botocore adds X-Amz-Content-SHA256 only when the request carries it, and AWSSDK.Core always signs it, so each
request carries it here.
"""
import datetime
import hashlib
import json
from unittest import mock

import botocore
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

WHEN = datetime.datetime(2026, 3, 1, 12, 30, 45)
KEY = "AKIAIOSFODNN7EXAMPLE"
SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
TOKEN = "FwoGZXIvYXdzEXAMPLETOKEN//////////wEaDEXAMPLE+session/token="

CASES = [
    ("cloudtrail DescribeTrails, us-east-1", "cloudtrail", "us-east-1", "https://cloudtrail.us-east-1.amazonaws.com/",
     "application/x-amz-json-1.1", "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.DescribeTrails", '{"includeShadowTrails":true}', None),
    ("logs DescribeMetricFilters, eu-west-1, session token", "logs", "eu-west-1", "https://logs.eu-west-1.amazonaws.com/",
     "application/x-amz-json-1.1", "Logs_20140328.DescribeMetricFilters", '{"logGroupName":"aws-cloudtrail-logs"}', TOKEN),
    ("monitoring DescribeAlarms, cn-north-1", "monitoring", "cn-north-1", "https://monitoring.cn-north-1.amazonaws.com.cn/",
     "application/x-www-form-urlencoded; charset=utf-8", None, "Action=DescribeAlarms&Version=2010-08-01&AlarmTypes.member.1=MetricAlarm&MaxRecords=100", None),
    ("sns GetTopicAttributes, us-gov-west-1, session token", "sns", "us-gov-west-1", "https://sns.us-gov-west-1.amazonaws.com/",
     "application/x-www-form-urlencoded; charset=utf-8", None, "Action=GetTopicAttributes&Version=2010-03-31&TopicArn=arn%3Aaws-us-gov%3Asns%3Aus-gov-west-1%3A111111111111%3Aalarms", TOKEN),
    ("sts GetCallerIdentity, an endpoint with a port", "sts", "us-east-1", "http://127.0.0.1:4566/",
     "application/x-www-form-urlencoded; charset=utf-8", None, "Action=GetCallerIdentity&Version=2011-06-15", None),
]


def sign(name, service, region, url, content_type, target, body, token):
    headers = {"Content-Type": content_type, "X-Amz-Content-SHA256": hashlib.sha256(body.encode()).hexdigest()}
    if target:
        headers["X-Amz-Target"] = target
    request = AWSRequest(method="POST", url=url, data=body.encode(), headers=headers)
    with mock.patch("botocore.auth.get_current_datetime", return_value=WHEN):
        SigV4Auth(Credentials(KEY, SECRET, token), service, region).add_auth(request)
    return {
        "name": name, "service": service, "region": region, "url": url, "contentType": content_type,
        "target": target, "body": body, "sessionToken": token,
        "amzDate": request.headers["X-Amz-Date"], "authorization": request.headers["Authorization"],
    }


if __name__ == "__main__":
    cases = [sign(*case) for case in CASES]
    with open("signing-fixtures.json", "w", encoding="utf-8") as out:
        json.dump({"botocore": botocore.__version__, "accessKey": KEY, "secretKey": SECRET, "signedAt": WHEN.isoformat() + "Z", "cases": cases}, out, indent=2)
        out.write("\n")
