using YamlDotNet.RepresentationModel;

namespace Tocsin.Iac.CloudFormation;

/// <summary>Finds tags CloudFormation does not know (<c>!Reff</c>), each a problem at its line and column.</summary>
internal static class UnknownTags
{
    public static IEnumerable<IacProblem> In(string path, YamlNode root) =>
        root.AllNodes
            .Where(node => Intrinsics.IsLocalTag(node) && Intrinsics.LongName(node.Tag.Value) is null)
            .Select(node => new IacProblem(path, (int)node.Start.Line, (int)node.Start.Column, $"unknown intrinsic function {node.Tag.Value}: the value is left unresolved"));
}
