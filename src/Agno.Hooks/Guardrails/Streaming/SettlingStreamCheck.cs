namespace Agno.Hooks;

/// <summary>
/// The built-in checks' common part: keeps the answer so far, asks the guardrail how far it is settled (every position
/// before that decided: masked or clean), and lets out the settled text not let out yet, with its masks.
/// </summary>
internal abstract class SettlingStreamCheck : OutputStreamCheck
{
    private char[] _text = new char[256];
    private int _length;
    private int _released;

    // The masks decided and not let out yet: each [start, end), in order, all before the settled position.
    private readonly List<(int Start, int End)> _masks = [];

    public sealed override string Append(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
        {
            return string.Empty;
        }

        if (_length + text.Length > _text.Length)
        {
            Array.Resize(ref _text, Math.Max(_text.Length * 2, _length + text.Length));
        }

        text.CopyTo(_text.AsSpan(_length));
        _length += text.Length;

        // A position is decided once the text reaches a window past it.
        var decidable = Math.Clamp(_length - Window + 1, 0, _length);
        return Release(Settle(_text.AsSpan(0, _length), _released, decidable, final: false, _masks));
    }

    public sealed override string Complete() => Release(Settle(_text.AsSpan(0, _length), _released, _length, final: true, _masks));

    /// <summary>
    /// Decides on the text from <paramref name="from"/>: a match that starts before <paramref name="decidable"/> (any
    /// match, when <paramref name="final"/>) is masked (added to <paramref name="masks"/>) or rejects; returns how far the
    /// text is settled: at least <paramref name="from"/>, the whole text when final.
    /// </summary>
    protected abstract int Settle(ReadOnlySpan<char> text, int from, int decidable, bool final, List<(int Start, int End)> masks);

    private string Release(int settled)
    {
        if (settled <= _released)
        {
            return string.Empty;
        }

        var released = new string(_text, _released, settled - _released);
        if (_masks.Count > 0)
        {
            var start = _released;
            released = string.Create(released.Length, (released, _masks, start), static (span, state) =>
            {
                state.released.CopyTo(span);
                foreach (var (maskStart, maskEnd) in state._masks)
                {
                    span[(maskStart - state.start)..(maskEnd - state.start)].Fill('*');
                }
            });
            _masks.Clear();
        }

        _released = settled;
        return released;
    }
}
