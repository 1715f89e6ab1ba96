namespace Agno.Hooks.Packaging.Tests.Support;

/// <summary>
/// Packs Agno.Hooks, Agno.Hooks.AgentOS, Agno.Hooks.AgentFramework and Agno.Hooks.OpenAI once per test run into a folder feed, with a version no other
/// run uses, building in a private artifacts folder so the repository's own bin/ and obj/ are untouched.
/// </summary>
public sealed class PackageFeed : IAsyncLifetime
{
    public string Version { get; } = $"0.1.0-test.{DateTime.UtcNow:yyyyMMddHHmmss}.{Environment.ProcessId}";

    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "agno-hooks-packaging", Guid.NewGuid().ToString("N"));

    public string Feed => Path.Combine(Directory, "feed");

    public string Artifacts => Path.Combine(Directory, "artifacts");

    /// <summary>Everything dotnet pack printed, for the no-warning check.</summary>
    public string PackOutput { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        System.IO.Directory.CreateDirectory(Feed);
        var outputs = new List<string>();
        foreach (var project in new[] { "src/Agno.Hooks/Agno.Hooks.csproj", "src/Agno.Hooks.AgentOS/Agno.Hooks.AgentOS.csproj", "src/Agno.Hooks.AgentFramework/Agno.Hooks.AgentFramework.csproj", "src/Agno.Hooks.OpenAI/Agno.Hooks.OpenAI.csproj" })
        {
            var result = await DotNet.RunAsync(RepositoryPaths.Root, "pack", project, "-c", "Release", "-o", Feed, "--artifacts-path", Artifacts, $"-p:Version={Version}", "--disable-build-servers");
            result.ShouldSucceed($"dotnet pack {project}");
            outputs.Add(result.Output);
        }

        PackOutput = string.Join(Environment.NewLine, outputs);
    }

    public Task DisposeAsync()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }

        return Task.CompletedTask;
    }
}

[CollectionDefinition(Name)]
public sealed class PackagingCollection : ICollectionFixture<PackageFeed>
{
    // One collection: these tests build, and parallel builds of one project would collide.
    public const string Name = "Packaging";
}
