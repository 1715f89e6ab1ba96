using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;
using Agno.Hooks.AgentOS.Http;
using Agno.Hooks.AgentOS.Wire;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Agno.Hooks.AgentOS.Sessions;

/// <summary>
/// Agno's session routes: <c>GET /sessions</c> (filters, paging, sorting), <c>GET /sessions/{session_id}</c>,
/// <c>GET /sessions/{session_id}/runs</c>, <c>GET /sessions/{session_id}/runs/{run_id}</c>,
/// <c>DELETE /sessions/{session_id}</c> and <c>POST /sessions/{session_id}/rename</c>. A bad query value
/// answers 422, an unknown session (or database) 404, both with <c>detail</c>.
/// </summary>
internal sealed class SessionEndpoints(ISessionStore store, AgentOSCatalog catalog)
{
    // A rename body holds one name: anything bigger is not one.
    private const int MaxRenameBodySize = 64 * 1024;

    public async Task ListAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        var query = context.Request.Query;
        if (DatabaseProblem(context) is { } missingDatabase)
        {
            await JsonResponses.WriteErrorAsync(context, StatusCodes.Status404NotFound, missingDatabase).ConfigureAwait(false);
            return;
        }

        if (!TryParseType(query, out var type, out var problem)
            || !TryParseInt(query, "limit", 20, minimum: 1, out var limit, out problem)
            || !TryParseInt(query, "page", 1, minimum: 1, out var page, out problem)
            || !TryParseSortBy(query, out var sortBy, out problem)
            || !TryParseSortOrder(query, out var descending, out problem))
        {
            await JsonResponses.WriteErrorAsync(context, StatusCodes.Status422UnprocessableEntity, problem!).ConfigureAwait(false);
            return;
        }

        var result = await store.ListAsync(new SessionQuery
        {
            Type = type,
            ComponentId = NonEmpty(query["component_id"]),
            UserId = NonEmpty(query["user_id"]),
            SessionName = NonEmpty(query["session_name"]),
            Limit = limit,
            Page = page,
            SortBy = sortBy,
            Descending = descending,
        }, context.RequestAborted).ConfigureAwait(false);

        await JsonResponses.WriteAsync(context, new SessionListResponse
        {
            Data = result.Sessions.Select(SessionWireFormat.Session).ToList(),
            Meta = PaginationInfo.For(page, limit, result.TotalCount, started),
        }, SessionJsonContext.Wire.SessionListResponse).ConfigureAwait(false);
    }

    public async Task GetAsync(HttpContext context)
    {
        var session = await FindAsync(context).ConfigureAwait(false);
        if (session is not null)
        {
            await JsonResponses.WriteAsync(context, Detail(session), SessionJsonContext.Wire.SessionDetailResponse).ConfigureAwait(false);
        }
    }

    public async Task RunsAsync(HttpContext context)
    {
        var query = context.Request.Query;
        if (!TryParseLong(query, "created_after", out var after, out var problem)
            || !TryParseLong(query, "created_before", out var before, out problem))
        {
            await JsonResponses.WriteErrorAsync(context, StatusCodes.Status422UnprocessableEntity, problem!).ConfigureAwait(false);
            return;
        }

        var session = await FindAsync(context, notFound: id => $"Session with ID {id} not found").ConfigureAwait(false);
        if (session is null)
        {
            return;
        }

        // Epoch seconds, both bounds included, as in Agno.
        var runs = session.Runs
            .Where(run => (after is not { } low || run.CreatedAt.ToUnixTimeSeconds() >= low)
                && (before is not { } high || run.CreatedAt.ToUnixTimeSeconds() <= high))
            .Select(SessionWireFormat.Run)
            .ToList();
        await JsonResponses.WriteAsync(context, runs, SessionJsonContext.Wire.IReadOnlyListSessionRunResponse).ConfigureAwait(false);
    }

    public async Task RunAsync(HttpContext context)
    {
        var session = await FindAsync(context, notFound: id => $"Session with ID {id} not found").ConfigureAwait(false);
        if (session is null)
        {
            return;
        }

        var runId = RouteValue(context, "run_id");
        if (session.Runs.FirstOrDefault(run => run.RunId == runId) is not { } found)
        {
            await JsonResponses.WriteErrorAsync(context, StatusCodes.Status404NotFound, $"Run with ID {runId} not found in session {session.SessionId}").ConfigureAwait(false);
            return;
        }

        await JsonResponses.WriteAsync(context, SessionWireFormat.Run(found), SessionJsonContext.Wire.SessionRunResponse).ConfigureAwait(false);
    }

    public async Task DeleteAsync(HttpContext context)
    {
        if (DatabaseProblem(context) is { } missingDatabase)
        {
            await JsonResponses.WriteErrorAsync(context, StatusCodes.Status404NotFound, missingDatabase).ConfigureAwait(false);
            return;
        }

        var sessionId = RouteValue(context, "session_id");
        if (!OfUser(context, await store.GetAsync(sessionId, context.RequestAborted).ConfigureAwait(false))
            || !await store.DeleteAsync(sessionId, context.RequestAborted).ConfigureAwait(false))
        {
            await JsonResponses.WriteErrorAsync(context, StatusCodes.Status404NotFound, NotFound(sessionId)).ConfigureAwait(false);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    public async Task RenameAsync(HttpContext context)
    {
        var (name, status, problem) = await ReadNameAsync(context).ConfigureAwait(false);
        if (name is null)
        {
            await JsonResponses.WriteErrorAsync(context, status, problem!).ConfigureAwait(false);
            return;
        }

        // Checks the id, the type and the database before renaming anything.
        if (await FindAsync(context).ConfigureAwait(false) is not { } session)
        {
            return;
        }

        if (await store.RenameAsync(session.SessionId, name, context.RequestAborted).ConfigureAwait(false) is not { } renamed)
        {
            await JsonResponses.WriteErrorAsync(context, StatusCodes.Status404NotFound, NotFound(session.SessionId)).ConfigureAwait(false);
            return;
        }

        await JsonResponses.WriteAsync(context, Detail(renamed), SessionJsonContext.Wire.SessionDetailResponse).ConfigureAwait(false);
    }

    private SessionDetailResponse Detail(SessionRecord session) =>
        SessionWireFormat.Detail(session, session.Owner.Type == SessionType.Workflow ? catalog.FindWorkflow(session.Owner.Id)?.Name : null);

    /// <summary>
    /// The route's session, of the <c>type</c> asked for (if any), in this store; otherwise null, with the
    /// 404 (or the 422 of a bad <c>type</c>) written.
    /// </summary>
    private async Task<SessionRecord?> FindAsync(HttpContext context, Func<string, string>? notFound = null)
    {
        if (DatabaseProblem(context) is { } missingDatabase)
        {
            await JsonResponses.WriteErrorAsync(context, StatusCodes.Status404NotFound, missingDatabase).ConfigureAwait(false);
            return null;
        }

        if (!TryParseType(context.Request.Query, out var type, out var problem))
        {
            await JsonResponses.WriteErrorAsync(context, StatusCodes.Status422UnprocessableEntity, problem!).ConfigureAwait(false);
            return null;
        }

        var sessionId = RouteValue(context, "session_id");
        var session = await store.GetAsync(sessionId, context.RequestAborted).ConfigureAwait(false);
        if (!OfUser(context, session) || (type is { } expected && session.Owner.Type != expected))
        {
            // As Agno: a session of another type than asked for is not found either.
            var detail = notFound?.Invoke(sessionId)
                ?? (type is { } asked
                    ? $"{CultureInfo.InvariantCulture.TextInfo.ToTitleCase(SessionWireFormat.TypeName(asked))} Session with id '{sessionId}' not found"
                    : NotFound(sessionId));
            await JsonResponses.WriteErrorAsync(context, StatusCodes.Status404NotFound, detail).ConfigureAwait(false);
            return null;
        }

        return session;
    }

    /// <summary>
    /// Whether the session exists and belongs to the <c>user_id</c> the query names, if it names one: as in Agno,
    /// a user's routes don't find another user's sessions.
    /// </summary>
    private static bool OfUser(HttpContext context, [NotNullWhen(true)] SessionRecord? session) =>
        session is not null
        && (NonEmpty(context.Request.Query["user_id"]) is not { } userId || string.Equals(session.UserId, userId, StringComparison.Ordinal));

    /// <summary>A <c>db_id</c> other than this store's names a database AgentOS does not have: the 404's detail, as in Agno.</summary>
    private string? DatabaseProblem(HttpContext context) =>
        NonEmpty(context.Request.Query["db_id"]) is { } dbId && !string.Equals(dbId, store.DatabaseId, StringComparison.Ordinal)
            ? $"No database found with id '{Truncate(dbId)}'"
            : null;

    /// <summary>Reads <c>{"session_name": "..."}</c>: a name that is not empty, or a status and problem.</summary>
    private static async Task<(string? Name, int Status, string? Problem)> ReadNameAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.ContentLength > MaxRenameBodySize)
        {
            return (null, StatusCodes.Status413PayloadTooLarge, $"The request body is larger than the limit of {MaxRenameBodySize} bytes.");
        }

        using var body = new MemoryStream();
        var buffer = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, context.RequestAborted).ConfigureAwait(false)) > 0)
        {
            if (body.Length + read > MaxRenameBodySize)
            {
                return (null, StatusCodes.Status413PayloadTooLarge, $"The request body is larger than the limit of {MaxRenameBodySize} bytes.");
            }

            body.Write(buffer, 0, read);
        }

        RenameSessionRequest? rename;
        try
        {
            rename = body.Length == 0 ? null : JsonSerializer.Deserialize(body.GetBuffer().AsSpan(0, (int)body.Length), SessionJsonContext.Wire.RenameSessionRequest);
        }
        catch (JsonException)
        {
            return (null, StatusCodes.Status422UnprocessableEntity, "The body must be a JSON object: {\"session_name\": \"...\"}.");
        }

        return string.IsNullOrWhiteSpace(rename?.SessionName)
            ? (null, StatusCodes.Status422UnprocessableEntity, "Field required: 'session_name' (a non-empty string in the JSON body).")
            : (rename.SessionName, StatusCodes.Status200OK, null);
    }

    private static bool TryParseType(IQueryCollection query, out SessionType? type, out string? problem)
    {
        type = null;
        problem = null;
        switch (NonEmpty(query["type"]))
        {
            case null:
                return true;
            case "agent":
                type = SessionType.Agent;
                return true;
            case "team":
                type = SessionType.Team;
                return true;
            case "workflow":
                type = SessionType.Workflow;
                return true;
            case var other:
                problem = $"'type' must be one of agent, team, workflow, not '{Truncate(other)}'.";
                return false;
        }
    }

    private static bool TryParseSortBy(IQueryCollection query, out SessionSortField sortBy, out string? problem)
    {
        problem = null;
        switch (NonEmpty(query["sort_by"]))
        {
            case null or "created_at":
                sortBy = SessionSortField.CreatedAt;
                return true;
            case "updated_at":
                sortBy = SessionSortField.UpdatedAt;
                return true;
            case "session_name":
                sortBy = SessionSortField.SessionName;
                return true;
            case var other:
                sortBy = default;
                problem = $"'sort_by' must be one of created_at, updated_at, session_name, not '{Truncate(other)}'.";
                return false;
        }
    }

    private static bool TryParseSortOrder(IQueryCollection query, out bool descending, out string? problem)
    {
        problem = null;
        switch (NonEmpty(query["sort_order"]))
        {
            case null or "desc":
                descending = true;
                return true;
            case "asc":
                descending = false;
                return true;
            case var other:
                descending = default;
                problem = $"'sort_order' must be asc or desc, not '{Truncate(other)}'.";
                return false;
        }
    }

    private static bool TryParseInt(IQueryCollection query, string name, int fallback, int minimum, out int value, out string? problem)
    {
        problem = null;
        if (NonEmpty(query[name]) is not { } text)
        {
            value = fallback;
            return true;
        }

        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value) && value >= minimum)
        {
            return true;
        }

        problem = $"'{name}' must be an integer of at least {minimum}, not '{Truncate(text)}'.";
        return false;
    }

    private static bool TryParseLong(IQueryCollection query, string name, out long? value, out string? problem)
    {
        problem = null;
        value = null;
        if (NonEmpty(query[name]) is not { } text)
        {
            return true;
        }

        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed))
        {
            value = parsed;
            return true;
        }

        problem = $"'{name}' must be a Unix timestamp in seconds, not '{Truncate(text)}'.";
        return false;
    }

    private static string NotFound(string sessionId) => $"Session with id '{sessionId}' not found";

    private static string RouteValue(HttpContext context, string key) => context.Request.RouteValues[key] as string ?? string.Empty;

    // A repeated parameter counts by its last value, as a run's form fields do.
    private static string? NonEmpty(StringValues values) => values.Count == 0 || string.IsNullOrEmpty(values[^1]) ? null : values[^1];

    private static string Truncate(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
