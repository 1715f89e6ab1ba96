namespace Agno.Hooks.AgentOS.Sessions;

/// <summary>Filters, sorting and paging of <see cref="ISessionStore.ListAsync"/>. Filters left null match everything.</summary>
public sealed record SessionQuery
{
    public SessionType? Type { get; init; }

    /// <summary>The owner's id (Agno's <c>component_id</c>).</summary>
    public string? ComponentId { get; init; }

    public string? UserId { get; init; }

    /// <summary>Part of the session's name, matched case-insensitively.</summary>
    public string? SessionName { get; init; }

    /// <summary>The page, from 1.</summary>
    public int Page { get; init; } = 1;

    /// <summary>Sessions per page, at least 1.</summary>
    public int Limit { get; init; } = 20;

    public SessionSortField SortBy { get; init; } = SessionSortField.CreatedAt;

    public bool Descending { get; init; } = true;
}
