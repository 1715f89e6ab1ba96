namespace Agno.Hooks;

/// <summary>Something hooks are attached to: an agent, a team or a workflow.</summary>
public interface IHookOwner
{
    string Id { get; }

    string? Name { get; }

    HookOwnerKind Kind { get; }

    /// <summary>Hooks that run before the model.</summary>
    HookList PreHooks { get; }

    /// <summary>Hooks that run after the model.</summary>
    HookList PostHooks { get; }

    /// <summary>Owners that run inside this one (a team's members, a workflow's steps), whose hooks run too.</summary>
    IEnumerable<IHookOwner> Children => [];
}
