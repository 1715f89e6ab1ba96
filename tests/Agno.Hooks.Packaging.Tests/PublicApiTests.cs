using Agno.Hooks.Packaging.Tests.Support;

namespace Agno.Hooks.Packaging.Tests;

/// <summary>
/// "An undeclared change to the public API fails the build": a packed library is copied out of the repository with
/// the build files every packed project gets (Directory.Build.props/.targets, the central versions), built once as it
/// is, then with a public member its PublicAPI.Unshipped.txt doesn't list and a listed one that no longer exists.
/// Agno.Hooks.OpenAI, the smallest, stands for them all; it takes Agno.Hooks from the test feed, so only it builds.
/// </summary>
[Collection(PackagingCollection.Name)]
public sealed class PublicApiTests(PackageFeed feed)
{
    private const string Library = "Agno.Hooks.OpenAI";

    [Fact]
    public async Task A_public_member_added_or_removed_without_its_line_in_PublicAPI_fails_the_build()
    {
        var root = Path.Combine(feed.Directory, "public-api", Guid.NewGuid().ToString("N"));
        var project = CopyLibrary(root);

        var declared = await Build(project);
        declared.ShouldSucceed($"the copy of {Library}, its API declared as it is");

        File.WriteAllText(Path.Combine(project, "UndeclaredApi.cs"), """
            namespace Agno.Hooks.OpenAI;

            public static class UndeclaredApi
            {
                public static int Answer => 42;
            }
            """);
        File.AppendAllText(Path.Combine(project, "PublicAPI.Unshipped.txt"), "Agno.Hooks.OpenAI.OpenAIModerationOptions.RemovedSetting.get -> string!\n");

        var undeclared = await Build(project);
        undeclared.ExitCode.ShouldNotBe(0, undeclared.Output);
        undeclared.Output.ShouldContain("error RS0016: Symbol 'Agno.Hooks.OpenAI.UndeclaredApi' is not part of the declared public API");
        undeclared.Output.ShouldContain("error RS0016: Symbol 'static Agno.Hooks.OpenAI.UndeclaredApi.Answer.get -> int' is not part of the declared public API");
        undeclared.Output.ShouldContain("error RS0017: Symbol 'Agno.Hooks.OpenAI.OpenAIModerationOptions.RemovedSetting.get -> string!' is part of the declared API");
    }

    private Task<DotNet.Result> Build(string project) =>
        DotNet.RunAsync(project, "build", "--no-incremental", "--disable-build-servers");

    /// <summary>
    /// The repository's build files and the library's own files (bin and obj left out) under <paramref name="root"/>,
    /// laid out as in the repository, with Agno.Hooks as a package of the test feed instead of a project.
    /// </summary>
    private string CopyLibrary(string root)
    {
        var project = Path.Combine(root, "src", Library);
        Directory.CreateDirectory(project);
        foreach (var file in new[] { "Directory.Build.props", "Directory.Build.targets", "global.json", ".editorconfig" })
        {
            File.Copy(Path.Combine(RepositoryPaths.Root, file), Path.Combine(root, file));
        }

        var versions = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "Directory.Packages.props"));
        File.WriteAllText(Path.Combine(root, "Directory.Packages.props"), versions.Replace(
            "</Project>",
            $"  <ItemGroup>\n    <PackageVersion Include=\"Agno.Hooks\" Version=\"{feed.Version}\" />\n  </ItemGroup>\n</Project>",
            StringComparison.Ordinal));

        var source = Path.Combine(RepositoryPaths.Root, "src", Library);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            if (relative.StartsWith("bin", StringComparison.Ordinal) || relative.StartsWith("obj", StringComparison.Ordinal))
            {
                continue;
            }

            var target = Path.Combine(project, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        var projectFile = Path.Combine(project, $"{Library}.csproj");
        var text = File.ReadAllText(projectFile);
        const string CoreReference = """<ProjectReference Include="..\Agno.Hooks\Agno.Hooks.csproj" PrivateAssets="none" />""";
        text.ShouldContain(CoreReference);
        File.WriteAllText(projectFile, text.Replace(CoreReference, """<PackageReference Include="Agno.Hooks" />""", StringComparison.Ordinal));

        // Offline: every other package comes from the machine's cache, where the repository's own build left it.
        WorkspaceNuGetConfig.Write(root, feed, cacheOnly: true);
        return project;
    }
}
