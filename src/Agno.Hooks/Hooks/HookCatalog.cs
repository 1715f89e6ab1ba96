using System.Collections.Frozen;

namespace Agno.Hooks;

/// <summary>
/// Every hook this application knows by name: those of each assembly's generated registry
/// (<c>services.AddAgnoHooksFrom&lt;AgnoHooks&gt;()</c>) and those attached to the owners it serves. A background
/// execution restored from data finds its hook here, whichever assembly declared it.
/// </summary>
/// <remarks>
/// The hooks are read on the first lookup, and read again when a lookup misses: an owner served after the
/// first lookup (registered late, or listed later by an <see cref="IHookOwnerSource"/>) is found too. A miss
/// costs a walk of the sources, under a lock; a hit costs a dictionary lookup.
/// </remarks>
public sealed class HookCatalog
{
    private readonly IEnumerable<HookDescriptor> _hooks;
    private readonly Lock _readLock = new();
    private volatile FrozenDictionary<string, HookDescriptor>? _byName;

    /// <param name="hooks">The hooks; read on the first lookup and again on a miss. On a repeated name the first one stays.</param>
    public HookCatalog(IEnumerable<HookDescriptor> hooks)
    {
        ArgumentNullException.ThrowIfNull(hooks);
        _hooks = hooks;
    }

    /// <summary>The hooks, by name, as last read.</summary>
    internal IReadOnlyDictionary<string, HookDescriptor> Hooks => _byName ?? Read(name: null);

    /// <summary>The hook named <paramref name="name"/>, or null; a miss reads the hooks again first.</summary>
    public HookDescriptor? Find(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (_byName is { } known && known.TryGetValue(name, out var hook))
        {
            return hook;
        }

        return Read(name).GetValueOrDefault(name);
    }

    // Reads the hooks, unless another caller has read them meanwhile and found `name`.
    private FrozenDictionary<string, HookDescriptor> Read(string? name)
    {
        lock (_readLock)
        {
            if (_byName is { } current && (name is null || current.ContainsKey(name)))
            {
                return current;
            }

            var byName = new Dictionary<string, HookDescriptor>(StringComparer.Ordinal);
            foreach (var hook in _hooks)
            {
                byName.TryAdd(hook.Name, hook);
            }

            return _byName = byName.ToFrozenDictionary(StringComparer.Ordinal);
        }
    }
}
