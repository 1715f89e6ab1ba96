using Microsoft.Extensions.DependencyInjection;

namespace Agno.Hooks;

/// <summary>
/// The hooks of one assembly, as the source generator emits them (the generated <c>AgnoHooks</c> class):
/// every descriptor, lookup by name, and the DI registrations its instance hooks need. Static members,
/// so it is used as a type argument (<c>services.AddAgnoHooksFrom&lt;AgnoHooks&gt;()</c>), never instantiated.
/// </summary>
public interface IHookRegistry
{
    /// <summary>Every hook of the assembly, ordered by name.</summary>
    static abstract IReadOnlyList<HookDescriptor> All { get; }

    /// <summary>The hook named <paramref name="name"/>, or null.</summary>
    static abstract HookDescriptor? Find(string name);

    /// <summary>Registers the classes whose instance methods are hooks, as singletons, unless already registered.</summary>
    static abstract void AddHookServices(IServiceCollection services);
}
