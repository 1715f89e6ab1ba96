using System.Text.RegularExpressions;

namespace Agno.Hooks.Examples.Tests.Infrastructure;

/// <summary>The commands the READMEs tell a newcomer to type, read from the files, so the tests send exactly those.</summary>
internal static partial class ReadmeCommands
{
    /// <summary>The first <c>curl</c> of a README: its path on <c>http://localhost:7777</c> and its <c>message</c> field.</summary>
    public static (string Path, string Message) Curl(string readme)
    {
        var match = CurlPattern().Match(Read(readme));
        match.Success.ShouldBeTrue($"{readme} has the seed's curl command");
        return (match.Groups["path"].Value, match.Groups["message"].Value);
    }

    /// <summary>Every <c>curl ... -F "message=..." -F "stream=false"</c> of a README, in order: path and <c>message</c> field.</summary>
    public static IReadOnlyList<(string Path, string Message)> Curls(string readme)
    {
        var matches = CurlPattern().Matches(Read(readme));
        matches.Count.ShouldBeGreaterThan(0, $"{readme} has curl commands");
        return [.. matches.Select(m => (m.Groups["path"].Value, m.Groups["message"].Value))];
    }

    /// <summary>
    /// The README's first streamed <c>curl</c>: a <c>message</c> field and nothing after it, so <c>stream</c> keeps its
    /// default (true); its path and its <c>message</c> field.
    /// </summary>
    public static (string Path, string Message) StreamedCurl(string readme)
    {
        var match = StreamedCurlPattern().Match(Read(readme));
        match.Success.ShouldBeTrue($"{readme} has a streamed curl command (no stream field)");
        return (match.Groups["path"].Value, match.Groups["message"].Value);
    }

    /// <summary>
    /// The README's <c>curl</c> that continues a session (<c>-F "session_id=..."</c> after <c>message</c> and
    /// <c>stream=false</c>): its path and its <c>message</c> field; the session id is the first answer's.
    /// </summary>
    public static (string Path, string Message) SessionCurl(string readme)
    {
        var match = SessionCurlPattern().Match(Read(readme));
        match.Success.ShouldBeTrue($"{readme} has a curl command that continues the session");
        return (match.Groups["path"].Value, match.Groups["message"].Value);
    }

    /// <summary>The README's text, with line continuations joined so a curl spread over several lines reads as one.</summary>
    private static string Read(string readme) =>
        File.ReadAllText(Path.Combine(ExampleProcess.RepositoryRoot, readme)).Replace("\\\n", " ", StringComparison.Ordinal);

    /// <summary>The first command of the README's first <c>bash</c> block.</summary>
    public static string FirstCommand(string readme)
    {
        var text = File.ReadAllText(Path.Combine(ExampleProcess.RepositoryRoot, readme));
        var block = text[(text.IndexOf("```bash\n", StringComparison.Ordinal) + "```bash\n".Length)..];
        return block[..block.IndexOf('\n', StringComparison.Ordinal)].Trim();
    }

    [GeneratedRegex("""curl -X POST http://localhost:7777(?<path>/\S+)\s+-F "message=(?<message>[^"]*)"\s+-F "stream=false"\s""")]
    private static partial Regex CurlPattern();

    // The command ends after the message: end of line (continuations are joined first), nothing more on it.
    [GeneratedRegex("""curl (?:-N )?-X POST http://localhost:7777(?<path>/\S+)\s+-F "message=(?<message>[^"]*)"[ \t]*(?:\r?\n|$)""")]
    private static partial Regex StreamedCurlPattern();

    [GeneratedRegex("""curl -X POST http://localhost:7777(?<path>/\S+)\s+-F "message=(?<message>[^"]*)"\s+-F "stream=false"\s+-F "session_id=[^"]*"\s""")]
    private static partial Regex SessionCurlPattern();
}
