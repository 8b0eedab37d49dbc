namespace Tocsin.Emulator.Protocol;

/// <summary>The wire protocols a request may arrive in (the official models' <c>protocol</c> values).</summary>
internal enum WireProtocol
{
    /// <summary><c>awsJson1_0</c> / <c>awsJson1_1</c>: <c>POST /</c> with <c>X-Amz-Target</c>.</summary>
    Json,

    /// <summary><c>awsQuery</c>: form-encoded <c>Action=...</c>, XML reply.</summary>
    Query,

    /// <summary>EC2's variant of the query protocol: no result wrapper, <c>item</c> lists, <c>Response/Errors</c>.</summary>
    Ec2,

    /// <summary>S3's REST-XML.</summary>
    RestXml,
}
