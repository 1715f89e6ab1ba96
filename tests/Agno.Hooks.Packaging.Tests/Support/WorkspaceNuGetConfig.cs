namespace Agno.Hooks.Packaging.Tests.Support;

/// <summary>
/// The NuGet.config of a workspace outside the repository: Agno packages from the test feed, extracted into the
/// workspace's own packages folder, everything else from the machine's cache, so that the cache gets nothing stale.
/// </summary>
internal static class WorkspaceNuGetConfig
{
    /// <param name="root">The workspace's folder.</param>
    /// <param name="feed">The feed of the packages under test.</param>
    /// <param name="cacheOnly">Only the feed and the machine's cache, none of the user's sources: every other package must be there already.</param>
    public static void Write(string root, PackageFeed feed, bool cacheOnly = false)
    {
        var machinePackages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var clear = cacheOnly ? "<clear />" : string.Empty;
        File.WriteAllText(Path.Combine(root, "NuGet.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config>
                <add key="globalPackagesFolder" value="{Path.Combine(root, "packages")}" />
              </config>
              <packageSources>
                {clear}
                <add key="agno-hooks-test-feed" value="{feed.Feed}" />
              </packageSources>
              <fallbackPackageFolders>
                <add key="machine" value="{machinePackages}" />
              </fallbackPackageFolders>
            </configuration>
            """);
    }
}
