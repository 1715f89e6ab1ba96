namespace Agno.Hooks;

/// <summary>
/// Every hook owner this application serves, by kind and id, members and steps included: what a background
/// execution restored from data binds as its owner.
/// </summary>
/// <remarks>
/// The owners are read on the first lookup, and read again when a lookup misses: an owner served after the
/// first lookup (registered late, or listed later by an <see cref="IHookOwnerSource"/>) is found too. A miss
/// costs a walk of the owners, under a lock; a hit costs a dictionary lookup.
/// </remarks>
public sealed class HookOwnerDirectory
{
    private readonly IEnumerable<IHookOwner> _owners;
    private readonly Lock _readLock = new();
    private volatile Dictionary<(HookOwnerKind, string), IHookOwner>? _byId;

    /// <param name="owners">The top-level owners, walked down their children; read on the first lookup and again on a miss.</param>
    public HookOwnerDirectory(IEnumerable<IHookOwner> owners)
    {
        ArgumentNullException.ThrowIfNull(owners);
        _owners = owners;
    }

    /// <summary>Every owner, members and steps included, each once, as last read.</summary>
    internal IEnumerable<IHookOwner> Owners => (_byId ?? Read(key: null)).Values;

    /// <summary>The owner of kind <paramref name="kind"/> with id <paramref name="id"/>, or null; a miss reads the owners again first.</summary>
    public IHookOwner? Find(HookOwnerKind kind, string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (_byId is { } known && known.TryGetValue((kind, id), out var owner))
        {
            return owner;
        }

        return Read((kind, id)).GetValueOrDefault((kind, id));
    }

    /// <summary>
    /// <paramref name="owners"/> and, depth first, the owners inside them (members, steps), each once, in order.
    /// </summary>
    internal static IEnumerable<IHookOwner> Walk(IEnumerable<IHookOwner> owners)
    {
        var seen = new HashSet<IHookOwner>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<IHookOwner>();
        foreach (var top in owners)
        {
            pending.Push(top);
            while (pending.TryPop(out var owner))
            {
                if (!seen.Add(owner))
                {
                    continue;
                }

                yield return owner;
                foreach (var child in owner.Children.Reverse())
                {
                    pending.Push(child);
                }
            }
        }
    }

    // Reads the owners, unless another caller has read them meanwhile and found `key`.
    private Dictionary<(HookOwnerKind, string), IHookOwner> Read((HookOwnerKind, string)? key)
    {
        lock (_readLock)
        {
            if (_byId is { } current && (key is not { } wanted || current.ContainsKey(wanted)))
            {
                return current;
            }

            // Ids are unique per kind; on a clash the first one listed answers.
            var byId = new Dictionary<(HookOwnerKind, string), IHookOwner>();
            foreach (var owner in Walk(_owners))
            {
                byId.TryAdd((owner.Kind, owner.Id), owner);
            }

            return _byId = byId;
        }
    }
}

/// <summary>
/// Stands for an owner that is not served in this process, for hooks that bind none or bind it only as
/// <see cref="IHookOwner"/>: its identity, and no hooks.
/// </summary>
internal sealed class DetachedHookOwner(HookOwnerKind kind, string id, string? name) : IHookOwner
{
    private HookList? _pre;
    private HookList? _post;

    public string Id { get; } = id;

    public string? Name { get; } = name;

    public HookOwnerKind Kind { get; } = kind;

    public HookList PreHooks => _pre ??= new HookList(this, HookStage.Pre);

    public HookList PostHooks => _post ??= new HookList(this, HookStage.Post);
}
