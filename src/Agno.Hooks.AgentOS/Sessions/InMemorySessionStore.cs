using System.Text.Json.Nodes;

namespace Agno.Hooks.AgentOS.Sessions;

/// <summary>
/// The default <see cref="ISessionStore"/>: sessions in memory, lost when the process stops. Bounded: past
/// <c>maxSessions</c> the least recently updated session is evicted, and past <c>maxRunsPerSession</c> a
/// session's oldest run is dropped (its name stays). Every operation takes one lock; listing is a scan of at
/// most <c>maxSessions</c> sessions. Hands out copies of session states; runs are immutable and shared.
/// </summary>
public sealed class InMemorySessionStore : ISessionStore
{
    public const string DefaultDatabaseId = "agentos-memory";

    private readonly object _gate = new();
    private readonly Dictionary<string, Entry> _sessions = new(StringComparer.Ordinal);

    // Least recently updated first: the eviction order.
    private readonly LinkedList<Entry> _byUpdate = new();
    private readonly int _maxSessions;
    private readonly int _maxRunsPerSession;
    private readonly TimeProvider _time;
    private long _sequence;

    public InMemorySessionStore(int maxSessions = 1000, int maxRunsPerSession = 100, string databaseId = DefaultDatabaseId, TimeProvider? time = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSessions, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRunsPerSession, 1);
        ArgumentException.ThrowIfNullOrWhiteSpace(databaseId);
        _maxSessions = maxSessions;
        _maxRunsPerSession = maxRunsPerSession;
        DatabaseId = databaseId;
        _time = time ?? TimeProvider.System;
    }

    public string DatabaseId { get; }

    /// <summary>How many sessions it holds now.</summary>
    internal int Count
    {
        get
        {
            lock (_gate)
            {
                return _sessions.Count;
            }
        }
    }

    public ValueTask<SessionRecord?> GetAsync(string sessionId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sessionId);
        lock (_gate)
        {
            return ValueTask.FromResult(_sessions.TryGetValue(sessionId, out var entry) ? Copy(entry.Record) : null);
        }
    }

    public ValueTask<SessionPage> ListAsync(SessionQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.Page, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.Limit, 1);
        lock (_gate)
        {
            var matches = _sessions.Values.Where(entry => Matches(entry.Record, query)).ToList();
            matches.Sort(Comparer(query));
            var skip = (long)(query.Page - 1) * query.Limit;
            var page = skip >= matches.Count
                ? []
                : matches.Skip((int)skip).Take(query.Limit).Select(entry => Copy(entry.Record)).ToList();
            return ValueTask.FromResult(new SessionPage(page, matches.Count));
        }
    }

    public ValueTask<bool> AddRunAsync(string sessionId, SessionRunRecord run, JsonObject sessionState, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sessionId);
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(sessionState);
        var state = sessionState.DeepClone().AsObject();
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            if (_sessions.TryGetValue(sessionId, out var entry))
            {
                var record = entry.Record;
                if (record.Owner != run.Owner || !string.Equals(record.UserId, run.UserId, StringComparison.Ordinal))
                {
                    return ValueTask.FromResult(false);
                }

                var runs = record.Runs.Count >= _maxRunsPerSession
                    ? [.. record.Runs.Skip(record.Runs.Count - _maxRunsPerSession + 1), run]
                    : new List<SessionRunRecord>(record.Runs) { run };
                entry.Record = record with { Runs = runs, SessionState = state, UpdatedAt = now };
                Touch(entry);
                return ValueTask.FromResult(true);
            }

            entry = new Entry(new SessionRecord
            {
                SessionId = sessionId,
                Owner = run.Owner,
                UserId = run.UserId,
                SessionName = run.Input,
                SessionState = state,
                CreatedAt = now,
                UpdatedAt = now,
                Runs = [run],
            }, ++_sequence);
            _sessions.Add(sessionId, entry);
            entry.Node = _byUpdate.AddLast(entry);
            while (_sessions.Count > _maxSessions)
            {
                var oldest = _byUpdate.First!.Value;
                _byUpdate.RemoveFirst();
                _sessions.Remove(oldest.Record.SessionId);
            }

            return ValueTask.FromResult(true);
        }
    }

    public ValueTask<SessionRecord?> RenameAsync(string sessionId, string sessionName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sessionId);
        ArgumentNullException.ThrowIfNull(sessionName);
        lock (_gate)
        {
            if (!_sessions.TryGetValue(sessionId, out var entry))
            {
                return ValueTask.FromResult<SessionRecord?>(null);
            }

            entry.Record = entry.Record with { SessionName = sessionName, UpdatedAt = _time.GetUtcNow() };
            Touch(entry);
            return ValueTask.FromResult<SessionRecord?>(Copy(entry.Record));
        }
    }

    public ValueTask<bool> DeleteAsync(string sessionId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sessionId);
        lock (_gate)
        {
            if (!_sessions.Remove(sessionId, out var entry))
            {
                return ValueTask.FromResult(false);
            }

            _byUpdate.Remove(entry.Node!);
            return ValueTask.FromResult(true);
        }
    }

    private void Touch(Entry entry)
    {
        _byUpdate.Remove(entry.Node!);
        _byUpdate.AddLast(entry.Node!);
    }

    private static SessionRecord Copy(SessionRecord record) => record with { SessionState = record.SessionState.DeepClone().AsObject() };

    private static bool Matches(SessionRecord record, SessionQuery query) =>
        (query.Type is not { } type || record.Owner.Type == type)
        && (query.ComponentId is not { } component || string.Equals(record.Owner.Id, component, StringComparison.Ordinal))
        && (query.UserId is not { } user || string.Equals(record.UserId, user, StringComparison.Ordinal))
        && (query.SessionName is not { } name || record.SessionName.Contains(name, StringComparison.OrdinalIgnoreCase));

    /// <summary>By the field, then by creation order, so equal keys keep a stable order.</summary>
    private static Comparison<Entry> Comparer(SessionQuery query)
    {
        Comparison<Entry> byField = query.SortBy switch
        {
            SessionSortField.UpdatedAt => (a, b) => a.Record.UpdatedAt.CompareTo(b.Record.UpdatedAt),
            SessionSortField.SessionName => (a, b) => StringComparer.OrdinalIgnoreCase.Compare(a.Record.SessionName, b.Record.SessionName),
            _ => (a, b) => a.Record.CreatedAt.CompareTo(b.Record.CreatedAt),
        };
        var direction = query.Descending ? -1 : 1;
        return (a, b) =>
        {
            var order = byField(a, b);
            return direction * (order != 0 ? order : a.Sequence.CompareTo(b.Sequence));
        };
    }

    private sealed class Entry(SessionRecord record, long sequence)
    {
        public SessionRecord Record { get; set; } = record;

        public long Sequence { get; } = sequence;

        public LinkedListNode<Entry>? Node { get; set; }
    }
}
