using Microsoft.Extensions.Options;

namespace Agno.Hooks;

/// <summary>
/// The default <see cref="IEvaluationStore"/>: the most recent results in memory, in a fixed-size ring, so memory
/// stays bounded whatever the traffic. Lost on restart; register another store to keep them.
/// </summary>
public sealed class InMemoryEvaluationStore : IEvaluationStore
{
    private readonly EvaluationResult?[] _ring;
    private readonly Lock _lock = new();
    private long _added;

    public InMemoryEvaluationStore(IOptions<EvaluationStoreOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var capacity = options.Value.Capacity;
        if (capacity < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), capacity, $"{nameof(EvaluationStoreOptions.Capacity)} must be at least 1.");
        }

        _ring = new EvaluationResult?[capacity];
    }

    public int Capacity => _ring.Length;

    public ValueTask AddAsync(EvaluationResult result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        lock (_lock)
        {
            _ring[_added % _ring.Length] = result;
            _added++;
        }

        return default;
    }

    public ValueTask<EvaluationPage> QueryAsync(EvaluationQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.Page, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.Limit, 1);
        var matching = Snapshot().Where(r =>
            (query.OwnerId is null || r.OwnerId == query.OwnerId)
            && (query.OwnerKind is null || r.OwnerKind == query.OwnerKind)
            && (query.RunId is null || r.RunId == query.RunId)
            && (query.JudgeModelId is null || r.JudgeModelId == query.JudgeModelId));
        // Kept in the order they were added, which is the order they were created in.
        var ordered = (query.NewestFirst ? matching.Reverse() : matching).ToList();
        var page = ordered.Skip((int)Math.Min(int.MaxValue, (long)(query.Page - 1) * query.Limit)).Take(query.Limit).ToList();
        return new(new EvaluationPage(page, ordered.Count));
    }

    public ValueTask<EvaluationResult?> FindAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        return new(Snapshot().FirstOrDefault(r => r.Id == id));
    }

    /// <summary>The kept results, oldest first.</summary>
    private EvaluationResult[] Snapshot()
    {
        lock (_lock)
        {
            var count = (int)Math.Min(_added, _ring.Length);
            var result = new EvaluationResult[count];
            for (var i = 0; i < count; i++)
            {
                result[i] = _ring[(_added - count + i) % _ring.Length]!;
            }

            return result;
        }
    }
}
