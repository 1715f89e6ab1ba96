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

    [GeneratedRegex(@"\b[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}\b", RegexOptions.CultureInvariant)]
    public static partial Regex EmailRegex();

    [GeneratedRegex(@"\b\d{3}[\s.-]?\d{3}[\s.-]?\d{4}\b", RegexOptions.CultureInvariant)]
    public static partial Regex PhoneRegex();
}

/// <summary>
/// Finds and masks personal data with the enabled patterns, in Agno's order (SSN, credit card, e-mail, phone,
/// then the custom ones). Shared by the input and output guardrails.
/// </summary>
internal sealed class PiiScanner
{
    // Required: a character every match contains, so a text without it is skipped with one vectorised search
    // (most messages have no '@'; the e-mail pattern is the costliest to run over a text that can't match).
    private readonly (string Kind, Regex Regex, char? Required)[] _patterns;

    public PiiScanner(PiiDetectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var patterns = new List<(string, Regex, char?)>(4 + options.CustomPatterns.Count);
        if (options.DetectSsn)
        {
            patterns.Add((PiiPatterns.Ssn, PiiPatterns.SsnRegex(), '-'));
        }

        if (options.DetectCreditCard)
        {
            patterns.Add((PiiPatterns.CreditCard, PiiPatterns.CreditCardRegex(), null));
        }

        if (options.DetectEmail)
        {
            patterns.Add((PiiPatterns.Email, PiiPatterns.EmailRegex(), '@'));
        }

        if (options.DetectPhone)
        {
            patterns.Add((PiiPatterns.Phone, PiiPatterns.PhoneRegex(), null));
        }

        foreach (var (kind, pattern) in options.CustomPatterns)
        {
            patterns.Add((kind, Compile(kind, pattern, options.CustomPatternTimeout), null));
        }

        _patterns = [.. patterns];
        Mask = options.Mask;
    }

    public bool Mask { get; }

    /// <summary>Checks that every custom pattern has a name and compiles; the message says which one does not.</summary>
    public static string? Validate(PiiDetectionOptions options)
    {
        if (options.CustomPatternTimeout <= TimeSpan.Zero && options.CustomPatternTimeout != Regex.InfiniteMatchTimeout)
        {
            return $"{nameof(PiiDetectionOptions.CustomPatternTimeout)} must be positive.";
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
    public bool Detect(string text, List<string> found)
    {
        var timedOut = false;
        foreach (var (kind, regex, required) in _patterns)
        {
            if (found.Contains(kind) || (required is { } c && !text.Contains(c)))
            {
                continue;
            }

            try
            {
                if (regex.IsMatch(text))
                {
                    found.Add(kind);
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
    /// Replaces every match of every pattern in <paramref name="text"/> with <c>*</c> of the same length, pattern
    /// after pattern as Agno does; leaves the same instance when nothing matched.
    /// </summary>
    /// <returns>The kind of the custom pattern that timed out, after which nothing more was masked; null when all ran.</returns>
    public string? MaskText(ref string text)
    {
        foreach (var (kind, regex, required) in _patterns)
        {
            if (required is { } c && !text.Contains(c))
            {
                continue;
            }

            try
            {
                if (regex.IsMatch(text))
                {
                    text = regex.Replace(text, static match => new string('*', match.Length));
                }
            }
            catch (RegexMatchTimeoutException)
            {
                return kind;
            }
        }

        return null;
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
