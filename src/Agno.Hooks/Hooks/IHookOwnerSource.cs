namespace Agno.Hooks;

/// <summary>
/// Supplies hook owners that are not registered one by one as <see cref="IHookOwner"/> (AgentOS's catalog,
/// whose agents are declared in its options), so that the start-up check of hook services covers them too, and
/// background executions restored from data find them and their hooks (<see cref="HookOwnerDirectory"/>,
/// <see cref="HookCatalog"/>). <see cref="Owners"/> is asked again when a lookup misses, so a source may list
/// owners it learns of late.
/// </summary>
public interface IHookOwnerSource
{
    IEnumerable<IHookOwner> Owners { get; }
}
