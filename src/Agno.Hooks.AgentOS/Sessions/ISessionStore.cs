using System.Text.Json.Nodes;

namespace Agno.Hooks.AgentOS.Sessions;

/// <summary>
/// Where AgentOS keeps sessions. The default, <see cref="InMemorySessionStore"/>, keeps a bounded number in
/// memory; register another implementation (before or after <c>AddAgentOS</c>: AgentOS only adds the default
/// when none is registered) for a durable one. Every method is asynchronous and takes a cancellation token,
/// and listing filters, sorts and pages in the store, so a database can do the work in one query.
/// Implementations must be safe for concurrent use and must never hand out objects they keep.
/// </summary>
public interface ISessionStore
{
    /// <summary>The database id AgentOS reports as <c>db_id</c> (Agno's web UI lists sessions only when there is one).</summary>
    string DatabaseId { get; }

    /// <summary>The session with its runs, or null when there is none with that id.</summary>
    ValueTask<SessionRecord?> GetAsync(string sessionId, CancellationToken cancellationToken = default);

    /// <summary>One page of the sessions that match <paramref name="query"/>, and how many match in all.</summary>
    ValueTask<SessionPage> ListAsync(SessionQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// Adds a finished run to its session, creating the session (named after the run's input) on its first
    /// run, and saves <paramref name="sessionState"/> as the session's state. Returns false, changing nothing,
    /// when the session exists with another owner or user.
    /// </summary>
    ValueTask<bool> AddRunAsync(string sessionId, SessionRunRecord run, JsonObject sessionState, CancellationToken cancellationToken = default);

    /// <summary>Renames a session; null when there is none with that id.</summary>
    ValueTask<SessionRecord?> RenameAsync(string sessionId, string sessionName, CancellationToken cancellationToken = default);

    /// <summary>Deletes a session and its runs; false when there was none with that id.</summary>
    ValueTask<bool> DeleteAsync(string sessionId, CancellationToken cancellationToken = default);
}
