namespace Agno.Hooks.AgentOS.Sessions;

/// <summary>How AgentOS uses sessions (<see cref="AgentOSOptions.Sessions"/>, configuration section <c>AgentOS:Sessions</c>).</summary>
public sealed class AgentOSSessionOptions
{
    /// <summary>
    /// How many earlier runs of a session an agent's run sends to its model, oldest first, after the
    /// instructions: each completed run's message and answer (Agno's <c>num_history_runs</c>). 0 sends none.
    /// Rejected, failed and cancelled runs are never sent.
    /// </summary>
    public int HistoryRuns { get; set; } = 3;

    /// <summary>The in-memory store's bound: past it, the least recently updated session is evicted.</summary>
    public int MaxSessions { get; set; } = 1000;

    /// <summary>The in-memory store's bound on one session's runs: past it, its oldest run is dropped.</summary>
    public int MaxRunsPerSession { get; set; } = 100;

    /// <summary>The in-memory store's database id, reported as <c>db_id</c>.</summary>
    public string DatabaseId { get; set; } = InMemorySessionStore.DefaultDatabaseId;
}
