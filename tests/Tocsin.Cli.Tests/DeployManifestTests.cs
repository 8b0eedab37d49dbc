using System.Text.Json;
using Tocsin.Aws.Collection;
using YamlDotNet.RepresentationModel;

namespace Tocsin.Cli.Tests;

/// <summary>
/// deploy/ shows how N workers split an organization scan: each manifest parses, runs as many workers as the N it
/// passes to --shard, gives each worker its scheduler's index, and keeps the store's URL out of the file.
/// </summary>
public class DeployManifestTests
{
    private static string Deploy(params string[] parts) => Path.Combine([RepositoryFiles.Root, "deploy", .. parts]);

    [Fact]
    public void The_kubernetes_indexed_job_runs_one_pod_per_shard()
    {
        var documents = ReadYaml(Deploy("kubernetes", "scan-job.yaml"));
        var job = documents.Single(d => Text(d, "kind") == "Job");
        var spec = Map(job, "spec");

        Text(spec, "completionMode").ShouldBe("Indexed");
        var count = int.Parse(Text(spec, "completions"), System.Globalization.CultureInfo.InvariantCulture);
        Text(spec, "parallelism").ShouldBe(count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var container = (YamlMappingNode)((YamlSequenceNode)Map(Map(spec, "template"), "spec").Children["containers"]).Children.Single();
        var args = ((YamlSequenceNode)container.Children["args"]).Children.Select(a => ((YamlScalarNode)a).Value!).ToList();
        args[args.IndexOf("--shard") + 1].ShouldBe($"$(JOB_COMPLETION_INDEX)/{count}");
        Enumerable.Range(0, count).ShouldAllBe(index => ShardSpec.Parse($"{index}/{count}").Shard != null);
    }

    [Fact]
    public void The_kubernetes_job_takes_the_store_from_a_secret_and_aws_credentials_from_its_service_account()
    {
        var documents = ReadYaml(Deploy("kubernetes", "scan-job.yaml"));
        var account = documents.Single(d => Text(d, "kind") == "ServiceAccount");
        var job = documents.Single(d => Text(d, "kind") == "Job");
        var pod = Map(Map(Map(job, "spec"), "template"), "spec");
        var container = (YamlMappingNode)((YamlSequenceNode)pod.Children["containers"]).Children.Single();
        var store = ((YamlSequenceNode)container.Children["env"]).Children.Cast<YamlMappingNode>().Single(e => Text(e, "name") == "TOCSIN_STORE");

        Text(pod, "serviceAccountName").ShouldBe(Text(Map(account, "metadata"), "name"));
        Text(Map(Map(account, "metadata"), "annotations"), "eks.amazonaws.com/role-arn").ShouldStartWith("arn:aws:iam::");
        store.Children.ContainsKey("valueFrom").ShouldBeTrue();
        store.Children.ContainsKey("value").ShouldBeFalse();
        File.ReadAllText(Deploy("kubernetes", "scan-job.yaml")).ShouldNotContain("postgresql://");
    }

    [Fact]
    public void The_aws_batch_array_job_runs_one_child_per_shard_with_its_array_index()
    {
        using var definition = ReadJson(Deploy("aws-batch", "job-definition.json"));
        using var submit = ReadJson(Deploy("aws-batch", "submit-job.json"));
        var container = definition.RootElement.GetProperty("containerProperties");
        var command = container.GetProperty("command").EnumerateArray().Select(c => c.GetString()!).ToList();
        var size = submit.RootElement.GetProperty("arrayProperties").GetProperty("size").GetInt32();
        var shards = submit.RootElement.GetProperty("containerOverrides").GetProperty("environment").EnumerateArray()
            .Single(e => e.GetProperty("name").GetString() == "TOCSIN_SHARDS").GetProperty("value").GetString();

        command[..2].ShouldBe(["sh", "-c"]);
        command[2].ShouldContain("--shard \"$AWS_BATCH_JOB_ARRAY_INDEX/$TOCSIN_SHARDS\"");
        shards.ShouldBe(size.ToString(System.Globalization.CultureInfo.InvariantCulture));
        submit.RootElement.GetProperty("jobDefinition").GetString().ShouldBe(definition.RootElement.GetProperty("jobDefinitionName").GetString());
        container.GetProperty("secrets").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "TOCSIN_STORE")
            .GetProperty("valueFrom").GetString().ShouldStartWith("arn:aws:secretsmanager:");
        File.ReadAllText(Deploy("aws-batch", "job-definition.json")).ShouldNotContain("postgresql://");
    }

    [Theory]
    [InlineData("kind: Job\nspec: [unclosed\n")]
    [InlineData("kind: Job\n  spec: bad indentation\n")]
    public void A_broken_yaml_manifest_is_refused(string text)
    {
        var folder = Directory.CreateTempSubdirectory("tocsin-deploy-").FullName;
        var path = Path.Combine(folder, "broken.yaml");
        File.WriteAllText(path, text);

        Should.Throw<YamlDotNet.Core.YamlException>(() => ReadYaml(path));
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public void A_broken_json_manifest_is_refused()
    {
        var folder = Directory.CreateTempSubdirectory("tocsin-deploy-").FullName;
        var path = Path.Combine(folder, "broken.json");
        File.WriteAllText(path, """{ "jobName": "tocsin-scan", }""");

        Should.Throw<JsonException>(() => ReadJson(path).Dispose());
        Directory.Delete(folder, recursive: true);
    }

    private static List<YamlMappingNode> ReadYaml(string path)
    {
        using var reader = new StringReader(File.ReadAllText(path));
        var stream = new YamlStream();
        stream.Load(reader);
        return [.. stream.Documents.Select(d => (YamlMappingNode)d.RootNode)];
    }

    private static JsonDocument ReadJson(string path) => JsonDocument.Parse(File.ReadAllText(path));

    private static YamlMappingNode Map(YamlMappingNode node, string key) => (YamlMappingNode)node.Children[key];

    private static string Text(YamlMappingNode node, string key) => ((YamlScalarNode)node.Children[key]).Value!;
}
