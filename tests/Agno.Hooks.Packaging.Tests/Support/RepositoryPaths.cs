namespace Agno.Hooks.Packaging.Tests.Support;

internal static class RepositoryPaths
{
    /// <summary>The folder holding Agno.Hooks.sln, found upwards from the test's output.</summary>
    public static string Root { get; } = FindRoot();

    public static string Consumers => Path.Combine(Root, "tests", "Agno.Hooks.Packaging.Tests", "Consumers");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Agno.Hooks.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Agno.Hooks.sln not found above " + AppContext.BaseDirectory);
    }
}
