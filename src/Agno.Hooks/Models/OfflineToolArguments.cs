using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;

namespace Agno.Hooks;

/// <summary>The offline model's reading of tool calls in a message, and its report of their results.</summary>
internal static partial class OfflineToolArguments
{
    // name=value or name="a value with spaces"
    [GeneratedRegex(@"(?<name>[A-Za-z_][A-Za-z0-9_]*)=(?:""(?<quoted>[^""]*)""|(?<plain>[^\s,;]+))", RegexOptions.CultureInvariant)]
    private static partial Regex Pair();

    /// <summary>The message's <c>name=value</c> pairs, each value a JSON element: a number, true or false, else a string.</summary>
    public static Dictionary<string, object?> Parse(string message)
    {
        var arguments = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (Match match in Pair().Matches(message))
        {
            // The first value of a name wins: a message that quotes another (a team leader's prompt quoting a member's
            // answer quoting the user) repeats the pairs, with the quote's own punctuation after them.
            var quoted = match.Groups["quoted"];
            var text = quoted.Success ? quoted.Value : match.Groups["plain"].Value.TrimEnd('"', '\'', '.', ',', ';', ':', '!', '?', ')');
            arguments.TryAdd(match.Groups["name"].Value, Element(text, quoted.Success));
        }

        return arguments;
    }

    /// <summary>Whether <paramref name="message"/> has <paramref name="word"/> with no letter, digit or underscore on either side.</summary>
    public static bool MentionsWord(string message, string word)
    {
        var from = 0;
        while (from < message.Length)
        {
            var at = message.IndexOf(word, from, StringComparison.OrdinalIgnoreCase);
            if (at < 0)
            {
                return false;
            }

            var end = at + word.Length;
            if ((at == 0 || !IsWordChar(message[at - 1])) && (end == message.Length || !IsWordChar(message[end])))
            {
                return true;
            }

            from = at + 1;
        }

        return false;
    }

    /// <summary>" get_weather returned: Sunny." for each tool result after the last user message; empty when none.</summary>
    public static string Results(IReadOnlyList<ChatMessage> messages)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var report = new StringBuilder();
        for (var i = LastUser(messages) + 1; i < messages.Count; i++)
        {
            foreach (var content in messages[i].Contents)
            {
                if (content is FunctionCallContent call)
                {
                    names[call.CallId] = call.Name;
                }
                else if (content is FunctionResultContent result)
                {
                    var name = names.TryGetValue(result.CallId, out var known) ? known : result.CallId;
                    var text = ToolInvoker.Text(result.Result) ?? "nothing";
                    report.Append(' ').Append(name).Append(" returned: ").Append(text);
                    if (!text.EndsWith('.'))
                    {
                        report.Append('.');
                    }
                }
            }
        }

        return report.ToString();
    }

    private static int LastUser(IReadOnlyList<ChatMessage> messages)
    {
        for (var i = messages.Count - 1; i >= 0; i--)
        {
            if (messages[i].Role == ChatRole.User)
            {
                return i;
            }
        }

        return -1;
    }

    private static JsonElement Element(string text, bool quoted)
    {
        if (!quoted && (text is "true" or "false" || double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _)))
        {
            using var literal = JsonDocument.Parse(text);
            return literal.RootElement.Clone();
        }

        using var document = JsonDocument.Parse($"\"{JsonEncodedText.Encode(text)}\"");
        return document.RootElement.Clone();
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '_';
}
