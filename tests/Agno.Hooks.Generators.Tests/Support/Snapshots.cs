using System.Text;

namespace Agno.Hooks.Generators.Tests.Support;

/// <summary>
/// Compares text with the approved files in Snapshots/, named as Verify.SourceGenerators names them
/// (<c>{Class}.{Case}#{HintName}.verified.cs</c>, <c>{Class}.{Case}.diagnostics.verified.txt</c>).
/// </summary>
/// <remarks>
/// Shouldly's ShouldMatchApproved finds the approved file from the test's source path in the PDB, which
/// ContinuousIntegrationBuild maps to <c>/_/</c>, so under CI it can't find them; this locates the project
/// folder from the test's output folder instead. Snapshots are (re)written only when
/// <c>AGNO_ACCEPT_SNAPSHOTS=1</c> and <c>CI</c> isn't <c>true</c>; otherwise a difference or a missing file
/// fails, leaving a <c>.received.</c> file beside it to inspect.
/// </remarks>
internal static class Snapshots
{
    public static string Folder { get; } = Path.Combine(TestPaths.ProjectFolder, "Snapshots");

    public static bool Accepting =>
        Environment.GetEnvironmentVariable("AGNO_ACCEPT_SNAPSHOTS") == "1"
        && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string SourceFileName(string testClass, string testCase, string hintName) =>
        $"{testClass}.{testCase}#{(hintName.EndsWith(".cs", StringComparison.Ordinal) ? hintName[..^3] : hintName)}.verified.cs";

    public static string DiagnosticsFileName(string testClass, string testCase) => $"{testClass}.{testCase}.diagnostics.verified.txt";

    /// <summary>Checks every file, then fails once listing every mismatch.</summary>
    public static void Match(IEnumerable<(string FileName, string Content)> files)
    {
        var failures = new List<string>();
        foreach (var (fileName, content) in files)
        {
            var path = Path.Combine(Folder, fileName);
            var received = Normalize(content);
            var exists = File.Exists(path);
            if (exists && Normalize(File.ReadAllText(path)) == received)
            {
                File.Delete(ReceivedPath(path));
                continue;
            }

            if (Accepting)
            {
                File.WriteAllText(path, received, new UTF8Encoding(false));
                File.Delete(ReceivedPath(path));
                continue;
            }

            File.WriteAllText(ReceivedPath(path), received, new UTF8Encoding(false));
            failures.Add(exists ? $"{fileName} differs from what was generated (see the .received. file)." : $"{fileName} is missing (run with AGNO_ACCEPT_SNAPSHOTS=1 to accept).");
        }

        failures.ShouldBeEmpty();
    }

    private static string ReceivedPath(string verifiedPath) => verifiedPath.Replace(".verified.", ".received.", StringComparison.Ordinal);

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);
}
