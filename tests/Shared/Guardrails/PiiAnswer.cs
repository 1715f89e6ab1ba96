using System.Text.Json.Nodes;

namespace Agno.Hooks.Testing;

/// <summary>
/// A model answer with an e-mail address, a phone number and an SSN, in chunks that split each of them, with more
/// than the output PII guardrail's window (154 characters) of plain text between them, so a streamed run lets text
/// out as it goes; what the guardrail makes of it; and the checks that no part of the raw data shows anywhere.
/// Shared by the AgentOS tests and the browser tests.
/// </summary>
internal static class PiiAnswer
{
    public const string Email = "leak@example.com";
    public const string Phone = "555-123-4567";
    public const string Ssn = "987-65-4320";

    // No digit, no '@', and no five letters of the e-mail address in a row: no false alarm from the checks below.
    private const string Filler =
        "Here is everything on file for the account you asked about, as it stands in the records today, checked " +
        "against the latest statement and the notes our team keeps for every customer of this branch. ";

    /// <summary>
    /// The answer's first part as the model streams it: the e-mail address and the phone number, each split across
    /// chunks ("leak@exa" | "mple.com"), then more than a window of plain text, so both are settled by its end.
    /// </summary>
    public static readonly string[] ContactChunks =
    [
        "Sure. ", Filler[..90], Filler[90..],
        "Write to leak@exa", "mple.com or call 555-1", "23-4567. ",
        Filler,
    ];

    /// <summary>The rest: the SSN, split across chunks, and more plain text.</summary>
    public static readonly string[] SsnChunks = ["Your SSN on file is 987-6", "5-43", "20. ", Filler, "Anything else?"];

    /// <summary>The whole answer as the model streams it.</summary>
    public static readonly string[] Chunks = [.. ContactChunks, .. SsnChunks];

    /// <summary>The answer whole, raw.</summary>
    public static readonly string Raw = string.Concat(Chunks);

    /// <summary>The answer as the guardrail in mask mode returns it: each datum replaced by as many <c>*</c>.</summary>
    public static readonly string Masked = Raw
        .Replace(Email, new string('*', Email.Length), StringComparison.Ordinal)
        .Replace(Phone, new string('*', Phone.Length), StringComparison.Ordinal)
        .Replace(Ssn, new string('*', Ssn.Length), StringComparison.Ordinal);

    /// <summary>Every five characters in a row of a datum: any of them in a text gives away part of it.</summary>
    private static readonly string[] Revealing =
    [
        .. new[] { Email, Phone, Ssn }.SelectMany(datum => Enumerable.Range(0, datum.Length - 4).Select(start => datum.Substring(start, 5))).Distinct(),
    ];

    /// <summary>The answer chunked one character at a time: every datum split at every offset.</summary>
    public static string[] OneCharacterChunks() => [.. Raw.Select(c => c.ToString())];

    /// <summary>Fails, naming where, when <paramref name="text"/> holds any part of the raw data.</summary>
    public static void ShouldRevealNone(string? text, string where)
    {
        if (text is null)
        {
            return;
        }

        foreach (var fragment in Revealing)
        {
            text.Contains(fragment, StringComparison.Ordinal).ShouldBeFalse($"{where} gives away \"{fragment}\": {text}");
        }
    }

    /// <summary>The same over every string in a JSON document but ids (random, and they can't carry the answer).</summary>
    public static void ShouldRevealNone(JsonNode? node, string where)
    {
        switch (node)
        {
            case JsonObject json:
                foreach (var (key, value) in json)
                {
                    if (!key.EndsWith("_id", StringComparison.Ordinal))
                    {
                        ShouldRevealNone(value, $"{where}.{key}");
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    ShouldRevealNone(array[i], $"{where}[{i}]");
                }

                break;
            case JsonValue value when value.GetValueKind() == System.Text.Json.JsonValueKind.String:
                ShouldRevealNone(value.GetValue<string>(), where);
                break;
        }
    }
}
