using System.Globalization;
using System.Xml.Linq;

namespace Tocsin.Aws.Protocols;

/// <summary>Reading query-protocol XML by local name (replies carry the service's namespace).</summary>
public static class Xml
{
    public static XElement? Child(XElement? parent, string name) =>
        parent?.Elements().FirstOrDefault(e => e.Name.LocalName == name);

    public static string? Text(XElement? parent, string name) => Child(parent, name)?.Value;

    /// <summary>The items of a list: <c>&lt;Name&gt;&lt;member&gt;...&lt;/member&gt;&lt;/Name&gt;</c> (or <c>item</c> in ec2).</summary>
    public static IEnumerable<XElement> Members(XElement? parent, string name) =>
        Child(parent, name)?.Elements().Where(e => e.Name.LocalName is "member" or "item") ?? [];

    public static IReadOnlyList<string> Strings(XElement? parent, string name) => [.. Members(parent, name).Select(e => e.Value)];

    public static bool? Bool(XElement? parent, string name) =>
        Text(parent, name) is { } text ? text.Equals("true", StringComparison.OrdinalIgnoreCase) : null;

    public static int? Int(XElement? parent, string name) =>
        int.TryParse(Text(parent, name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    public static double? Double(XElement? parent, string name) =>
        double.TryParse(Text(parent, name), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;
}
