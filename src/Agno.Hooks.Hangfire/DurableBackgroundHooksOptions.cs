namespace Agno.Hooks.Hangfire;

/// <summary>
/// Settings of durable background hooks: where the work is kept (PostgreSQL), how many hooks this instance runs
/// at once, how failures are retried and how fast a crashed instance's work is taken up again. Set them in
/// <c>AddDurableBackgroundHooks(d => ...)</c>; they can also come from the <c>AgnoHooks:Durable</c> configuration
/// section, and the connection string from <c>ConnectionStrings:AgnoHooks</c>. Code wins over configuration.
/// </summary>
public sealed class DurableBackgroundHooksOptions
{
    public const string SectionName = "AgnoHooks:Durable";

    /// <summary>The connection string read when code sets none: <c>ConnectionStrings:AgnoHooks</c> (env <c>ConnectionStrings__AgnoHooks</c>).</summary>
    public const string ConnectionStringName = "AgnoHooks";

    /// <summary>The PostgreSQL database that keeps queued, running, retried and finished executions.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// The schema of Hangfire's tables, created on first start (default <c>agno_hooks</c>, so it never mixes with an
    /// application's own <c>hangfire</c> schema). Every instance that shares the work uses the same one.
    /// </summary>
    public string SchemaName { get; set; } = "agno_hooks";

    /// <summary>The Hangfire queue the executions go to: lowercase letters, digits, <c>_</c> and <c>-</c>.</summary>
    public string Queue { get; set; } = "agno-hooks";

    /// <summary>
    /// Run executions in this process (a Hangfire server with <see cref="WorkerCount"/> workers). Off, the instance
    /// only queues them, for others to run.
    /// </summary>
    public bool RunServer { get; set; } = true;

    /// <summary>How many hooks this instance runs at once; by default <c>AgnoHooksOptions.MaxConcurrency</c>.</summary>
    public int? WorkerCount { get; set; }

    /// <summary>How many times an execution runs at most when it fails or times out (the first try included); then it is Failed.</summary>
    public int MaxAttempts { get; set; } = 4;

    /// <summary>
    /// The wait before each retry: the first entry before the second attempt, and so on; the last one repeats.
    /// Whole seconds (Hangfire's unit; a fraction rounds up).
    /// </summary>
    public IList<TimeSpan> RetryDelays { get; set; } = [TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5)];

    /// <summary>
    /// How long a running execution may go without its instance's heartbeat (every fifth of this) before another
    /// instance takes it up again: how fast the work of a crashed or killed process is resumed. Shorter resumes
    /// sooner but writes heartbeats more often, and an instance stalled for longer than this (a long GC pause, a
    /// network partition from the database) has its running hook started a second time elsewhere.
    /// </summary>
    public TimeSpan InvisibilityTimeout { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often an idle worker looks for work queued by another instance (work queued in this process wakes it at once).</summary>
    public TimeSpan QueuePollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often due retries are moved back to the queue.</summary>
    public TimeSpan SchedulePollingInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// On a graceful stop, how long running hooks may still finish; then they are cancelled and left queued, to run
    /// again on the next start or on another instance. Queued hooks are never started once the stop begins.
    /// Keep it below the host's shutdown timeout (30 s by default).
    /// </summary>
    public TimeSpan ShutdownGracePeriod { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// On (the default), every write waits for PostgreSQL to flush it to disk: a queued execution survives a crash
    /// of the application and of the database server. Off, writes use <c>synchronous_commit = off</c>: a queued
    /// execution still survives the application's crash or kill (PostgreSQL has it), but a crash of the database
    /// server itself may lose the last fraction of a second of writes; each enqueue then waits for no disk flush
    /// (Hangfire commits twice per enqueue, so on a disk that takes ~2 ms per flush this saves ~4 ms).
    /// </summary>
    public bool SynchronousCommit { get; set; } = true;

    /// <summary>Off, <c>MapAgnoHooksDashboard()</c> maps nothing (say, in production through configuration).</summary>
    public bool EnableDashboard { get; set; } = true;

    /// <summary>Where the dashboard is mounted.</summary>
    public string DashboardPath { get; set; } = "/hooks/dashboard";

    /// <summary>Off, the dashboard also lets whoever its authorization lets in retry, requeue and delete executions.</summary>
    public bool DashboardReadOnly { get; set; } = true;

    /// <summary>Sets <see cref="ConnectionString"/>. A null or empty one fails at start-up, naming what is missing.</summary>
    public DurableBackgroundHooksOptions UsePostgreSql(string? connectionString)
    {
        ConnectionString = connectionString;
        return this;
    }
}
