namespace Agno.Hooks.AgentFramework;

/// <summary>
/// Every log event id of Agno.Hooks.AgentFramework, in one table, so that none is used twice (a test reads every
/// <c>[LoggerMessage]</c> of the assembly to check it). The adapter has 300-399; the other packages' ranges are
/// listed in Agno.Hooks' own table.
/// </summary>
internal static class LogEvents
{
    // 300-309: the agent's own failure (AgentFrameworkServedAgent when served, AgnoHooksAgent otherwise).
    public const int ServedAgentFailed = 300;
    public const int AgentFailed = 301;
}
