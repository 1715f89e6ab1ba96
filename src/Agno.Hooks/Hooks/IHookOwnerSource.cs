namespace Agno.Hooks;

/// <summary>
/// Supplies hook owners that are not registered one by one as <see cref="IHookOwner"/> (AgentOS's catalog,
/// whose agents are declared in its options), so that the start-up check of hook services covers them too.
/// </summary>
public interface IHookOwnerSource
{
    IEnumerable<IHookOwner> Owners { get; }
}
