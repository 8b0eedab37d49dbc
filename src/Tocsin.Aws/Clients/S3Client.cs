using System.Net;
using System.Text;
using Tocsin.Aws.Http;

namespace Tocsin.Aws.Clients;

/// <summary>
/// The S3 bucket calls a new trail needs, over REST-XML in path style (<c>/BUCKET</c>, <c>/BUCKET?policy</c>) against
/// the regional endpoint or the endpoint override.
/// </summary>
public sealed class S3Client(AwsSession session)
{
    /// <summary>Whether the bucket exists and the caller may see it (HeadBucket needs s3:ListBucket).</summary>
    [RequiresPermission("s3:ListBucket", ForApply = true)]
    public async Task<bool> HeadBucketAsync(string region, string bucket, CancellationToken cancellationToken)
    {
        try
        {
            await session.RestAsync(AwsService.S3, region, HttpMethod.Head, bucket, null, null, "HeadBucket", cancellationToken);
            return true;
        }
        catch (AwsServiceException missing) when (missing.Status == (int)HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    /// <summary>Creates the bucket in <paramref name="region"/> (a LocationConstraint outside us-east-1).</summary>
    [RequiresPermission("s3:CreateBucket", ForApply = true)]
    public async Task CreateBucketAsync(string region, string bucket, CancellationToken cancellationToken)
    {
        var body = region == "us-east-1"
            ? null
            : Encoding.UTF8.GetBytes($"<CreateBucketConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><LocationConstraint>{region}</LocationConstraint></CreateBucketConfiguration>");
        await session.RestAsync(AwsService.S3, region, HttpMethod.Put, bucket, null, body, "CreateBucket", cancellationToken);
    }

    /// <summary>The bucket policy JSON, or null when the bucket has none.</summary>
    [RequiresPermission("s3:GetBucketPolicy", ForApply = true)]
    public async Task<string?> GetBucketPolicyAsync(string region, string bucket, CancellationToken cancellationToken)
    {
        try
        {
            return Encoding.UTF8.GetString(await session.RestAsync(AwsService.S3, region, HttpMethod.Get, bucket, "policy", null, "GetBucketPolicy", cancellationToken));
        }
        catch (AwsServiceException missing) when (missing.Code == "NoSuchBucketPolicy")
        {
            return null;
        }
    }

    /// <summary>Replaces the bucket policy.</summary>
    [RequiresPermission("s3:PutBucketPolicy", ForApply = true)]
    public async Task PutBucketPolicyAsync(string region, string bucket, string policy, CancellationToken cancellationToken) =>
        await session.RestAsync(AwsService.S3, region, HttpMethod.Put, bucket, "policy", Encoding.UTF8.GetBytes(policy), "PutBucketPolicy", cancellationToken);
}
