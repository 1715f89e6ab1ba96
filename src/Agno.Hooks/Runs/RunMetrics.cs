using Microsoft.Extensions.AI;

namespace Agno.Hooks;

/// <summary>Token counts and timings of a run.</summary>
public sealed class RunMetrics
{
    private long _inputTokens;
    private long _outputTokens;
    private long _totalTokens;
    private TimeSpan? _timeToFirstToken;
    private TimeSpan _duration;

    public long InputTokens { get => _inputTokens; set => Set(ref _inputTokens, value); }

    public long OutputTokens { get => _outputTokens; set => Set(ref _outputTokens, value); }

    public long TotalTokens { get => _totalTokens; set => Set(ref _totalTokens, value); }

    /// <summary>Time from the start of the owner's work (after the pre-hooks) to its first content; null when the run did not stream.</summary>
    public TimeSpan? TimeToFirstToken { get => _timeToFirstToken; set => Set(ref _timeToFirstToken, value); }

    public TimeSpan Duration { get => _duration; set => Set(ref _duration, value); }

    /// <summary>Set by any setter: how a background hook's write to its copy is noticed.</summary>
    internal bool Written { get; private set; }

    /// <summary>Adds a model call's token counts (a total missing from <paramref name="usage"/> is input plus output).</summary>
    public void AddUsage(UsageDetails? usage)
    {
        if (usage is null)
        {
            return;
        }

        InputTokens += usage.InputTokenCount ?? 0;
        OutputTokens += usage.OutputTokenCount ?? 0;
        TotalTokens += usage.TotalTokenCount ?? (usage.InputTokenCount ?? 0) + (usage.OutputTokenCount ?? 0);
    }

    /// <summary>Adds the token counts of every <see cref="UsageContent"/> in <paramref name="contents"/> (a streamed update's).</summary>
    public void AddUsage(IList<AIContent>? contents)
    {
        if (contents is null)
        {
            return;
        }

        for (var i = 0; i < contents.Count; i++)
        {
            if (contents[i] is UsageContent usage)
            {
                AddUsage(usage.Details);
            }
        }
    }

    public RunMetrics Clone()
    {
        var copy = (RunMetrics)MemberwiseClone();
        copy.Written = false;
        return copy;
    }

    private void Set<T>(ref T field, T value)
    {
        field = value;
        Written = true;
    }
}
