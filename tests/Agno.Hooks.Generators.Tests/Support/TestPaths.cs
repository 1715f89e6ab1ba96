namespace Agno.Hooks.Generators.Tests.Support;

/// <summary>Where the source tree is, found from the test's output folder (test data is read from there, never copied).</summary>
internal static class TestPaths
{
    public static string ProjectFolder { get; } = FindProjectFolder();

    public static string RepositoryRoot { get; } = Path.GetFullPath(Path.Combine(ProjectFolder, "..", ".."));

    private static string FindProjectFolder()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Agno.Hooks.Generators.Tests.csproj")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No Agno.Hooks.Generators.Tests.csproj above {AppContext.BaseDirectory}.");
    }
}
