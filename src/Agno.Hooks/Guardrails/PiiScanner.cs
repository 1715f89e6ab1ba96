using System.Text.RegularExpressions;

namespace Agno.Hooks;

/// <summary>The built-in patterns, Agno's, compiled at build time.</summary>
internal static partial class PiiPatterns
{
    public const string Ssn = "SSN";
    public const string CreditCard = "Credit Card";
    public const string Email = "Email";
    public const string Phone = "Phone";

    [GeneratedRegex(@"\b\d{3}-\d{2}-\d{4}\b", RegexOptions.CultureInvariant)]
    public static partial Regex SsnRegex();

    [GeneratedRegex(@"\b\d{4}[\s-]?\d{4}[\s-]?\d{4}[\s-]?\d{4}\b", RegexOptions.CultureInvariant)]
    public static partial Regex CreditCardRegex();

    // Agno's, with a cap on each part (RFC 5321's 64 for the local part; the longest top-level domain has 24
    // letters): a streamed answer holds back the longest match, so a match can't be unbounded.
    [GeneratedRegex(@"\b[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9.-]{1,63}\.[A-Za-z]{2,24}\b", RegexOptions.CultureInvariant)]
    public static partial Regex EmailRegex();

    /// <summary>How far past its start each built-in pattern reads: its longest match and the character after it (<c>\b</c>).</summary>
    public const int SsnReach = 11 + 1;
    public const int CreditCardReach = 19 + 1;
    public const int EmailReach = 64 + 1 + 63 + 1 + 24 + 1;
    public const int PhoneReach = 12 + 1;

    [GeneratedRegex(@"\b\d{3}[\s.-]?\d{3}[\s.-]?\d{4}\b", RegexOptions.CultureInvariant)]
    public static partial Regex PhoneRegex();
}

/// <summary>
/// Finds and masks personal data with the enabled patterns (SSN, credit card, e-mail, phone, then the custom ones).
/// Shared by the input and output guardrails, and by the output guardrail's streamed check, which gives the same result.
/// </summary>
/// <remarks>
/// Masking scans the text once, left to right: at each step the match that starts first wins (on a tie, the pattern
/// first in that order), is masked, and the scan goes on after it. Agno instead masks pattern after pattern over the
/// text; the two differ only where matches of different kinds overlap. One scan is what lets a stream be masked as it
/// grows with the same result as the whole text: a position is decided once the text reaches <see cref="Window"/> past it.
/// </remarks>
internal sealed class PiiScanner
{
    // Required: a character every match contains, so a text without it is skipped with one vectorised search
    // (most messages have no '@'; the e-mail pattern is the costliest to run over a text that can't match).
    private readonly (string Kind, Regex Regex, char? Required)[] _patterns;

    public PiiScanner(PiiDetectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var patterns = new List<(string, Regex, char?)>(4 + options.CustomPatterns.Count);
        var window = 0;
        if (options.DetectSsn)
        {
            patterns.Add((PiiPatterns.Ssn, PiiPatterns.SsnRegex(), '-'));
            window = Math.Max(window, PiiPatterns.SsnReach);
        }

        if (options.DetectCreditCard)
        {
            patterns.Add((PiiPatterns.CreditCard, PiiPatterns.CreditCardRegex(), null));
            window = Math.Max(window, PiiPatterns.CreditCardReach);
        }

        if (options.DetectEmail)
        {
            patterns.Add((PiiPatterns.Email, PiiPatterns.EmailRegex(), '@'));
            window = Math.Max(window, PiiPatterns.EmailReach);
        }

        if (options.DetectPhone)
        {
            patterns.Add((PiiPatterns.Phone, PiiPatterns.PhoneRegex(), null));
            window = Math.Max(window, PiiPatterns.PhoneReach);
        }

        foreach (var (kind, pattern) in options.CustomPatterns)
        {
            patterns.Add((kind, Compile(kind, pattern, options.CustomPatternTimeout), null));
        }

        _patterns = [.. patterns];
        Mask = options.Mask;
        Window = options.CustomPatterns.Count == 0 ? window
            : options.CustomPatternReach is { } reach ? Math.Max(window, reach)
            : null;
    }

    public bool Mask { get; }

    /// <summary>
    /// How far past its start a match can reach, the character a pattern looks at after it included; null when a custom
    /// pattern's reach is not given (a streamed answer is then held whole).
    /// </summary>
    public int? Window { get; }

    /// <summary>Checks that every custom pattern has a name and compiles; the message says which one does not.</summary>
    public static string? Validate(PiiDetectionOptions options)
    {
        if (options.CustomPatternTimeout <= TimeSpan.Zero && options.CustomPatternTimeout != Regex.InfiniteMatchTimeout)
        {
            return $"{nameof(PiiDetectionOptions.CustomPatternTimeout)} must be positive.";
        }

        if (options.CustomPatternReach is <= 0)
        {
            return $"{nameof(PiiDetectionOptions.CustomPatternReach)} must be positive (or null: hold a streamed answer whole).";
        }

        foreach (var (kind, pattern) in options.CustomPatterns)
        {
            try
            {
                Compile(kind, pattern, options.CustomPatternTimeout);
            }
            catch (ArgumentException exception)
            {
                return exception.Message;
            }
        }

        return null;
    }

    /// <summary>Adds to <paramref name="found"/> each kind found in <paramref name="text"/> that is not there yet.</summary>
    /// <returns>True when a custom pattern timed out on the text (it is then counted as found).</returns>
    public bool Detect(string text, List<string> found) => Detect(text, 0, text.Length, final: true, found);

    /// <summary>
    /// Adds to <paramref name="found"/> each kind with a match at or after <paramref name="from"/> that starts before
    /// <paramref name="decidable"/> (anywhere, when <paramref name="final"/>).
    /// </summary>
    /// <returns>True when a custom pattern timed out (its kind is then counted as found).</returns>
    public bool Detect(ReadOnlySpan<char> text, int from, int decidable, bool final, List<string> found)
    {
        var timedOut = false;
        foreach (var (kind, regex, required) in _patterns)
        {
            if (found.Contains(kind) || (required is { } c && !text[from..].Contains(c)))
            {
                continue;
            }

            try
            {
                foreach (var match in regex.EnumerateMatches(text, from))
                {
                    if (final || match.Index < decidable)
                    {
                        found.Add(kind);
                    }

                    break;
                }
            }
            catch (RegexMatchTimeoutException)
            {
                found.Add(kind);
                timedOut = true;
            }
        }

        return timedOut;
    }

    /// <summary>
    /// Replaces every match in <paramref name="text"/> with <c>*</c> of the same length; leaves the same instance when
    /// nothing matched.
    /// </summary>
    /// <returns>The kind of the custom pattern that timed out, in which case nothing was masked; null when all ran.</returns>
    public string? MaskText(ref string text)
    {
        var masks = new List<(int Start, int End)>(0);
        var timedOut = FindMasks(text, 0, text.Length, final: true, masks, out _);
        if (timedOut is not null || masks.Count == 0)
        {
            return timedOut;
        }

        text = string.Create(text.Length, (text, masks), static (span, state) =>
        {
            state.text.CopyTo(span);
            foreach (var (start, end) in state.masks)
            {
                span[start..end].Fill('*');
            }
        });
        return null;
    }

    /// <summary>
    /// The one left-to-right scan from <paramref name="from"/>: adds each match that starts before
    /// <paramref name="decidable"/> (every match, when <paramref name="final"/>) to <paramref name="masks"/>, and stops
    /// at the first that doesn't.
    /// </summary>
    /// <param name="text">The text so far.</param>
    /// <param name="from">Where the scan starts: everything before it is decided.</param>
    /// <param name="decidable">The first position the text does not yet reach a window past.</param>
    /// <param name="final">The text is complete: every match is decided.</param>
    /// <param name="masks">Where each match found is added, as [start, end).</param>
    /// <param name="settled">How far the text is decided: the whole text when final.</param>
    /// <returns>The kind of the custom pattern that timed out; null when all ran.</returns>
    public string? FindMasks(ReadOnlySpan<char> text, int from, int decidable, bool final, List<(int Start, int End)> masks, out int settled)
    {
        // Each pattern's next match at or after the scan position: found once, and searched again only when the scan
        // has passed it. -2: not searched yet; -1: none.
        Span<int> next = _patterns.Length <= 16 ? stackalloc int[_patterns.Length * 2] : new int[_patterns.Length * 2];
        next.Fill(-2);
        var position = from;
        while (true)
        {
            var first = -1;
            for (var i = 0; i < _patterns.Length; i++)
            {
                if (next[2 * i] == -2 || (next[2 * i] >= 0 && next[2 * i] < position))
                {
                    var (kind, regex, required) = _patterns[i];
                    next[2 * i] = -1;
                    if (required is not { } c || text[position..].Contains(c))
                    {
                        try
                        {
                            foreach (var match in regex.EnumerateMatches(text, position))
                            {
                                next[2 * i] = match.Index;
                                next[(2 * i) + 1] = match.Length;
                                break;
                            }
                        }
                        catch (RegexMatchTimeoutException)
                        {
                            settled = position;
                            return kind;
                        }
                    }
                }

                if (next[2 * i] >= 0 && (first < 0 || next[2 * i] < next[2 * first]))
                {
                    first = i;
                }
            }

            if (first < 0 || (!final && next[2 * first] >= decidable))
            {
                settled = final ? text.Length : Math.Max(position, decidable);
                return null;
            }

            var (index, length) = (next[2 * first], next[(2 * first) + 1]);
            if (length > 0)
            {
                masks.Add((index, index + length));
            }

            // An empty match masks nothing; the scan steps past it, as Regex.Replace does.
            position = index + Math.Max(length, 1);
            if (position > text.Length)
            {
                settled = text.Length;
                return null;
            }
        }
    }

    /// <summary>Agno's additional data of a rejection: <c>{"detected_pii": [kinds]}</c>.</summary>
    public static System.Text.Json.Nodes.JsonObject Data(IEnumerable<string> kinds)
    {
        var array = new System.Text.Json.Nodes.JsonArray();
        foreach (var kind in kinds)
        {
            array.Add((System.Text.Json.Nodes.JsonNode)kind);
        }

        return new System.Text.Json.Nodes.JsonObject { ["detected_pii"] = array };
    }

    private static Regex Compile(string kind, string pattern, TimeSpan timeout)
    {
        if (string.IsNullOrWhiteSpace(kind))
        {
            throw new ArgumentException("A custom PII pattern needs a name.");
        }

        if (string.IsNullOrEmpty(pattern))
        {
            throw new ArgumentException($"The custom PII pattern '{kind}' is empty.");
        }

        try
        {
            return new Regex(pattern, RegexOptions.CultureInvariant, timeout);
        }
        catch (ArgumentException exception)
        {
            throw new ArgumentException($"The custom PII pattern '{kind}' is not a valid regular expression: {exception.Message}", exception);
        }
    }
}
