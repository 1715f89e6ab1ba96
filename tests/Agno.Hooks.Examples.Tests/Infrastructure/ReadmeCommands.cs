using System.Text.RegularExpressions;

namespace Agno.Hooks.Examples.Tests.Infrastructure;

/// <summary>The commands the READMEs tell a newcomer to type, read from the files, so the tests send exactly those.</summary>
internal static partial class ReadmeCommands
{
    /// <summary>The first <c>curl</c> of a README: its path on <c>http://localhost:7777</c> and its <c>message</c> field.</summary>
    public static (string Path, string Message) Curl(string readme)
    {
        // Line continuations joined, so a curl spread over several lines reads as one.
        var text = File.ReadAllText(Path.Combine(ExampleProcess.RepositoryRoot, readme)).Replace("\\\n", " ", StringComparison.Ordinal);
        var match = CurlPattern().Match(text);
        match.Success.ShouldBeTrue($"{readme} has the seed's curl command");
        return (match.Groups["path"].Value, match.Groups["message"].Value);
    }

    /// <summary>
    /// The README's <c>curl</c> that continues a session (<c>-F "session_id=..."</c> after <c>message</c> and
    /// <c>stream=false</c>): its path and its <c>message</c> field; the session id is the first answer's.
    /// </summary>
    public static (string Path, string Message) SessionCurl(string readme)
    {
        var text = File.ReadAllText(Path.Combine(ExampleProcess.RepositoryRoot, readme)).Replace("\\\n", " ", StringComparison.Ordinal);
        var match = SessionCurlPattern().Match(text);
        match.Success.ShouldBeTrue($"{readme} has a curl command that continues the session");
        return (match.Groups["path"].Value, match.Groups["message"].Value);
    }

    /// <summary>The first command of the README's first <c>bash</c> block.</summary>
    public static string FirstCommand(string readme)
    {
        var text = File.ReadAllText(Path.Combine(ExampleProcess.RepositoryRoot, readme));
        var block = text[(text.IndexOf("```bash\n", StringComparison.Ordinal) + "```bash\n".Length)..];
        return block[..block.IndexOf('\n', StringComparison.Ordinal)].Trim();
    }

    [GeneratedRegex("""curl -X POST http://localhost:7777(?<path>/\S+)\s+-F "message=(?<message>[^"]*)"\s+-F "stream=false"\s""")]
    private static partial Regex CurlPattern();

    [GeneratedRegex("""curl -X POST http://localhost:7777(?<path>/\S+)\s+-F "message=(?<message>[^"]*)"\s+-F "stream=false"\s+-F "session_id=[^"]*"\s""")]
    private static partial Regex SessionCurlPattern();
}
