namespace Agno.Hooks.AgentOS.Sessions;

/// <summary>A stored run's token counts and timings.</summary>
public sealed record SessionRunMetrics(long InputTokens, long OutputTokens, long TotalTokens, TimeSpan? TimeToFirstToken, TimeSpan Duration)
{
    public static SessionRunMetrics Empty { get; } = new(0, 0, 0, null, TimeSpan.Zero);
}
