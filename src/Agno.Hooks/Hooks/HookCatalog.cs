using System.Collections.Frozen;

namespace Agno.Hooks;

/// <summary>
/// Every hook this application knows by name: those of each assembly's generated registry
/// (<c>services.AddAgnoHooksFrom&lt;AgnoHooks&gt;()</c>) and those attached to the owners it serves. A background
/// execution restored from data finds its hook here, whichever assembly declared it.
/// </summary>
public sealed class HookCatalog
{
    private readonly Lazy<FrozenDictionary<string, HookDescriptor>> _byName;

    /// <param name="hooks">The hooks; read once, on the first lookup. On a repeated name the first one stays.</param>
    public HookCatalog(IEnumerable<HookDescriptor> hooks)
    {
        ArgumentNullException.ThrowIfNull(hooks);
        _byName = new(() =>
        {
            var byName = new Dictionary<string, HookDescriptor>(StringComparer.Ordinal);
            foreach (var hook in hooks)
            {
                byName.TryAdd(hook.Name, hook);
            }

            return byName.ToFrozenDictionary(StringComparer.Ordinal);
        });
    }

    /// <summary>The hooks, by name.</summary>
    public IReadOnlyDictionary<string, HookDescriptor> Hooks => _byName.Value;

    /// <summary>The hook named <paramref name="name"/>, or null.</summary>
    public HookDescriptor? Find(string name) => _byName.Value.GetValueOrDefault(name);
}
