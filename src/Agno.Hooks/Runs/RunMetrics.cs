namespace Agno.Hooks;

/// <summary>Token counts and timings of a run.</summary>
public sealed class RunMetrics
{
    public long InputTokens { get; set; }

    public long OutputTokens { get; set; }

    public long TotalTokens { get; set; }

    /// <summary>Time from the model call to its first content; null when the run did not stream.</summary>
    public TimeSpan? TimeToFirstToken { get; set; }

    public TimeSpan Duration { get; set; }

    public RunMetrics Clone() => (RunMetrics)MemberwiseClone();
}
