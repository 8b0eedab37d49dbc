using System.Net.Http.Headers;
using System.Text;
using System.Xml.Linq;

namespace Tocsin.Aws.Protocols;

/// <summary>
/// The awsQuery and ec2 protocols: an RFC 3986 form body (<c>Action</c>, <c>Version</c>, lists as
/// <c>Name.member.N</c>), an XML reply whose data is in <c>&lt;ActionResult&gt;</c> (awsQuery) or directly under
/// <c>&lt;ActionResponse&gt;</c> (ec2).
/// </summary>
public static class QueryProtocol
{
    public static HttpRequestMessage Request(Uri endpoint, string action, string version, IEnumerable<KeyValuePair<string, string>> parameters)
    {
        var form = new StringBuilder();
        form.Append("Action=").Append(Uri.EscapeDataString(action)).Append("&Version=").Append(Uri.EscapeDataString(version));
        foreach (var (name, value) in parameters)
        {
            form.Append('&').Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
        }

        var request = new HttpRequestMessage(HttpMethod.Post, endpoint)
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes(form.ToString())),
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/x-www-form-urlencoded; charset=utf-8");
        return request;
    }

    /// <summary><c>Name.member.1=a&amp;Name.member.2=b</c>.</summary>
    public static IEnumerable<KeyValuePair<string, string>> List(string name, IEnumerable<string> values) =>
        values.Select((value, i) => new KeyValuePair<string, string>($"{name}.member.{i + 1}", value));

    /// <summary>The <c>&lt;{Action}Result&gt;</c> element of an awsQuery reply.</summary>
    /// <param name="callName">How errors name the call, e.g. <c>sns:GetTopicAttributes</c>; the action when null.</param>
    public static XElement Result(byte[] body, string action, string? callName = null) =>
        Xml.Child(Root(body, action, callName ?? action), $"{action}Result") ?? throw new AwsProtocolException($"{callName ?? action}: the reply has no {action}Result");

    /// <summary>The <c>&lt;{Action}Response&gt;</c> element of an ec2 reply.</summary>
    public static XElement Ec2Result(byte[] body, string action, string? callName = null) => Root(body, action, callName ?? action);

    private static XElement Root(byte[] body, string action, string callName)
    {
        try
        {
            using var stream = new MemoryStream(body);
            var root = XDocument.Load(stream).Root ?? throw new AwsProtocolException($"{callName}: the reply is empty");
            return root.Name.LocalName == $"{action}Response" ? root : throw new AwsProtocolException($"{callName}: the reply is <{root.Name.LocalName}>, not <{action}Response>");
        }
        catch (System.Xml.XmlException problem)
        {
            throw new AwsProtocolException($"{callName}: the reply is not valid XML: {problem.Message}", problem);
        }
    }
}
