using System.Diagnostics;

namespace Agno.Hooks.AgentOS.Wire;

/// <summary>Agno's <c>PaginationInfo</c>, the <c>meta</c> of every paged list (<c>/sessions</c>, <c>/eval-runs</c>).</summary>
internal sealed class PaginationInfo
{
    public required int Page { get; init; }

    public required int Limit { get; init; }

    public required int TotalPages { get; init; }

    public required int TotalCount { get; init; }

    public required double SearchTimeMs { get; init; }

    /// <summary>Page <paramref name="page"/> of <paramref name="limit"/> items out of <paramref name="totalCount"/>, searched since <paramref name="startedTimestamp"/>.</summary>
    public static PaginationInfo For(int page, int limit, int totalCount, long startedTimestamp) => new()
    {
        Page = page,
        Limit = limit,
        TotalCount = totalCount,
        TotalPages = (int)(((long)totalCount + limit - 1) / limit),
        SearchTimeMs = Math.Round(Stopwatch.GetElapsedTime(startedTimestamp).TotalMilliseconds, 2),
    };
}
