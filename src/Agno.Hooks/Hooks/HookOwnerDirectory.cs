namespace Agno.Hooks;

/// <summary>
/// Every hook owner this application serves, by kind and id, members and steps included: what a background
/// execution restored from data binds as its owner.
/// </summary>
public sealed class HookOwnerDirectory
{
    private readonly Lazy<Dictionary<(HookOwnerKind, string), IHookOwner>> _byId;

    /// <param name="owners">The top-level owners; read once, on the first lookup, then walked down their children.</param>
    public HookOwnerDirectory(IEnumerable<IHookOwner> owners)
    {
        ArgumentNullException.ThrowIfNull(owners);
        _byId = new(() =>
        {
            var byId = new Dictionary<(HookOwnerKind, string), IHookOwner>();
            var seen = new HashSet<IHookOwner>(ReferenceEqualityComparer.Instance);
            foreach (var owner in owners)
            {
                Add(owner, byId, seen);
            }

            return byId;
        });
    }

    /// <summary>Every owner, members and steps included, each once.</summary>
    public IEnumerable<IHookOwner> Owners => _byId.Value.Values;

    /// <summary>The owner of kind <paramref name="kind"/> with id <paramref name="id"/>, or null.</summary>
    public IHookOwner? Find(HookOwnerKind kind, string id) => _byId.Value.GetValueOrDefault((kind, id));

    private static void Add(IHookOwner owner, Dictionary<(HookOwnerKind, string), IHookOwner> byId, HashSet<IHookOwner> seen)
    {
        if (!seen.Add(owner))
        {
            return;
        }

        // Ids are unique per kind; on a clash the first one registered answers.
        byId.TryAdd((owner.Kind, owner.Id), owner);
        foreach (var child in owner.Children)
        {
            Add(child, byId, seen);
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
