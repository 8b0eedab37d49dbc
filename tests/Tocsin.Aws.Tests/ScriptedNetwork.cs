using System.Net;
using System.Text;

namespace Tocsin.Aws.Tests;

/// <summary>
/// Stands in for AWS on the wire: answers each request with the next scripted reply (or throws the scripted
/// failure) and keeps what was sent, headers and body, for the test to read.
/// </summary>
internal sealed class ScriptedNetwork(params Func<HttpRequestMessage, HttpResponseMessage>[] replies) : HttpMessageHandler
{
    private readonly Queue<Func<HttpRequestMessage, HttpResponseMessage>> _replies = new(replies);

    public List<(HttpRequestMessage Request, string Body)> Sent { get; } = [];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        lock (Sent)
        {
            Sent.Add((request, body));
        }

        Func<HttpRequestMessage, HttpResponseMessage> next;
        lock (_replies)
        {
            next = _replies.Count > 0 ? _replies.Dequeue() : throw new InvalidOperationException("the script has no reply left");
        }

        return next(request);
    }

    public static Func<HttpRequestMessage, HttpResponseMessage> Reply(HttpStatusCode status, string body, string contentType = "text/xml", params (string Name, string Value)[] headers) => _ =>
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, contentType) };
        foreach (var (name, value) in headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return response;
    };

    public static Func<HttpRequestMessage, HttpResponseMessage> Ok(string body) => Reply(HttpStatusCode.OK, body);

    public static Func<HttpRequestMessage, HttpResponseMessage> QueryError(HttpStatusCode status, string code, string message = "message") =>
        Reply(status, $"<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><Error><Type>Sender</Type><Code>{code}</Code><Message>{message}</Message></Error><RequestId>r-1</RequestId></ErrorResponse>");

    public static Func<HttpRequestMessage, HttpResponseMessage> Fails(Exception problem) => _ => throw problem;

    public const string CallerIdentityReply = """
        <GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
          <GetCallerIdentityResult><Arn>arn:aws:iam::123456789012:user/auditor</Arn><UserId>AIDAEXAMPLE</UserId><Account>123456789012</Account></GetCallerIdentityResult>
          <ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata>
        </GetCallerIdentityResponse>
        """;
}
