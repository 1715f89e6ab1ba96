namespace Agno.Hooks.Packaging.Tests.Support;

/// <summary>
/// A consumer project outside the repository: it sees no Directory.Build.props or project reference of ours,
/// only the package feed. Agno packages are extracted into the workspace's own packages folder; everything
/// else comes from the machine's cache and sources as usual, so the machine-wide cache gets nothing stale.
/// </summary>
internal sealed class ConsumerWorkspace : IDisposable
{
    private ConsumerWorkspace(string root) => Root = root;

    public string Root { get; }

    public string Project => Path.Combine(Root, "Consumer");

    public static ConsumerWorkspace Create(PackageFeed feed, string template, string extraProperties = "", string[]? agnoPackages = null)
    {
        var root = Path.Combine(feed.Directory, "consumers", $"{template}-{Guid.NewGuid():N}");
        var workspace = new ConsumerWorkspace(root);
        Directory.CreateDirectory(workspace.Project);
        File.WriteAllText(Path.Combine(root, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(root, "Directory.Packages.props"), "<Project />\n");
        WorkspaceNuGetConfig.Write(root, feed);
        var references = string.Join("\n    ", (agnoPackages ?? ["Agno.Hooks"]).Select(id => $"<PackageReference Include=\"{id}\" Version=\"{feed.Version}\" />"));
        File.WriteAllText(Path.Combine(workspace.Project, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <EmitCompilerGeneratedFiles>true</EmitCompilerGeneratedFiles>
                <WarningsNotAsErrors>NU1603</WarningsNotAsErrors>
                {extraProperties}
              </PropertyGroup>
              <ItemGroup>
                {references}
                <PackageReference Include="Microsoft.Extensions.Hosting" Version="10.0.13" />
              </ItemGroup>
            </Project>
            """);
        foreach (var source in Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Consumers, template)))
        {
            File.Copy(source, Path.Combine(workspace.Project, Path.GetFileName(source)));
        }

        return workspace;
    }

    public Task<DotNet.Result> BuildAsync(params string[] extra) =>
        DotNet.RunAsync(Project, ["build", "--disable-build-servers", .. extra]);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
