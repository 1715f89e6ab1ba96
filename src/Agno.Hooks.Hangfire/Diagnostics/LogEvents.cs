namespace Agno.Hooks.Hangfire;

/// <summary>
/// Every log event id of Agno.Hooks.Hangfire, in one table, so that none is used twice (a test reads every
/// <c>[LoggerMessage]</c> of the assembly to check it). Durable hooks have 200-299; the other packages' ranges are
/// listed in Agno.Hooks' own table.
/// </summary>
internal static class LogEvents
{
    // 200-209: the store (DurableHookStorage).
    public const int StorageReady = 200;

    // 210-219: queuing (DurableBackgroundHookQueue).
    public const int NotQueued = 210;

    // 220-229: running a job (DurableHookJob).
    public const int LeftQueued = 220;

    // 230-239: the Hangfire server (DurableHookServer).
    public const int ServerStarted = 230;
    public const int QueueOnly = 231;
    public const int ServerStopped = 232;
}
