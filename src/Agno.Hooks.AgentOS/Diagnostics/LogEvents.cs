namespace Agno.Hooks.AgentOS;

/// <summary>
/// Every log event id of Agno.Hooks.AgentOS, in one table, so that none is used twice (a test reads every
/// <c>[LoggerMessage]</c> of the assembly to check it). AgentOS has 100-199; the other packages' ranges are listed
/// in Agno.Hooks' own table.
/// </summary>
internal static class LogEvents
{
    // 100-109: runs over HTTP (RunEndpoint).
    public const int RunAnswered = 100;
    public const int RunStreamed = 101;
    public const int BackgroundHooksQueued = 102;
    public const int ClientGone = 103;

    // 110-119: requests (RequestGuard).
    public const int RequestFailed = 110;

    // 120-129: sessions (SessionRuns).
    public const int RunNotSaved = 120;
    public const int RunSaveFailed = 121;
    public const int RunCancelled = 122;
}
