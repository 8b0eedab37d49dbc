namespace Tocsin.Iac.Tests;

public sealed class IacFilesTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("tocsin-iac-files-");

    public void Dispose()
    {
        _root.Delete(recursive: true);
        GC.SuppressFinalize(this);
    }

    private string Write(string relative, string text)
    {
        var path = Path.Combine(_root.FullName, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void A_folder_is_read_recursively_skipping_terraform_caches_node_modules_and_hidden_folders()
    {
        Write("main.tf", "x");
        Write("modules/filters/filters.tf", "x");
        Write("stack/template.yaml", "x");
        Write(".terraform/modules/copy.tf", "x");
        Write("node_modules/pkg/template.yaml", "x");
        Write(".github/workflows/ci.yaml", "x");
        Write("README.md", "x");

        var (files, problems) = IacFiles.Collect([_root.FullName]);

        files.Select(f => Path.GetRelativePath(_root.FullName, f.Path).Replace('\\', '/')).ShouldBe(["main.tf", "modules/filters/filters.tf", "stack/template.yaml"], ignoreOrder: true);
        problems.ShouldBeEmpty();
    }

    [Fact]
    public void A_link_back_to_a_parent_folder_is_not_followed_so_the_walk_ends()
    {
        Write("main.tf", "x");
        Directory.CreateSymbolicLink(Path.Combine(_root.FullName, "loop"), _root.FullName);

        var (files, _) = IacFiles.Collect([_root.FullName]);

        files.ShouldHaveSingleItem();
    }

    [Fact]
    public void Binary_missing_and_oversized_files_are_problems_and_the_other_files_are_still_read()
    {
        Write("main.tf", "x");
        File.WriteAllBytes(Path.Combine(_root.FullName, "blob.json"), [0x7b, 0x00, 0x01]);
        using (var big = File.Create(Path.Combine(_root.FullName, "huge.yaml")))
        {
            big.SetLength(IacFiles.MaxBytes + 1);
        }

        var (files, problems) = IacFiles.Collect([_root.FullName, Path.Combine(_root.FullName, "missing.tf")]);

        files.ShouldHaveSingleItem().Path.ShouldEndWith("main.tf");
        problems.Select(p => p.Message).ShouldBe(["skipped: a binary file, not a template", "skipped: 10,485,761 bytes is more than the 10 MB a template may be", "no such file or directory"], ignoreOrder: true);
    }
}
