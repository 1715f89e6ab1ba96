using System.Buffers;

namespace Agno.Hooks;

/// <summary>
/// Finds any of a set of phrases in a text, ignoring case (ordinal), as a substring or as whole words.
/// One vectorised multi-string search (<see cref="SearchValues{T}"/>) per text, not one search per phrase.
/// </summary>
internal sealed class PhraseMatcher
{
    private readonly string[] _phrases;
    private readonly SearchValues<string> _search;
    private readonly bool _wholeWords;

    public PhraseMatcher(IEnumerable<string> phrases, bool wholeWords)
    {
        _phrases = [.. phrases.Distinct(StringComparer.OrdinalIgnoreCase)];
        if (_phrases.Length == 0)
        {
            throw new ArgumentException("At least one phrase is needed.", nameof(phrases));
        }

        if (_phrases.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("A phrase can't be empty or white space: it would match every message.", nameof(phrases));
        }

        _search = SearchValues.Create(_phrases, StringComparison.OrdinalIgnoreCase);
        _wholeWords = wholeWords;
        Reach = _phrases.Max(phrase => phrase.Length) + (wholeWords ? 1 : 0);
    }

    /// <summary>
    /// How far past a match's start the text must reach to decide on it: the longest phrase, and for whole words the
    /// character after it. A streamed answer holds back this much.
    /// </summary>
    public int Reach { get; }

    public bool IsMatch(ReadOnlySpan<char> text) => IndexOfMatch(text, 0) >= 0;

    /// <summary>
    /// Where the first phrase at or after <paramref name="start"/> begins, or -1. The text before <paramref name="start"/>
    /// still counts for a whole word's left edge.
    /// </summary>
    public int IndexOfMatch(ReadOnlySpan<char> text, int start)
    {
        var offset = start;
        while (offset < text.Length)
        {
            var found = text[offset..].IndexOfAny(_search);
            if (found < 0)
            {
                return -1;
            }

            var at = offset + found;
            if (!_wholeWords)
            {
                return at;
            }

            foreach (var phrase in _phrases)
            {
                if (text[at..].StartsWith(phrase, StringComparison.OrdinalIgnoreCase) && IsWholeWord(text, at, phrase))
                {
                    return at;
                }
            }

            offset = at + 1;
        }

        return -1;
    }

    /// <summary>True when the phrase at <paramref name="start"/> is not part of a longer word on either side.</summary>
    private static bool IsWholeWord(ReadOnlySpan<char> text, int start, string phrase)
    {
        var end = start + phrase.Length;
        var startOk = start == 0 || !IsWordChar(phrase[0]) || !IsWordChar(text[start - 1]);
        var endOk = end == text.Length || !IsWordChar(phrase[^1]) || !IsWordChar(text[end]);
        return startOk && endOk;
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '_';
}
