namespace Agno.Hooks.Benchmarks.Durable;

/// <summary>
/// Where the durable suites keep their work: the PostgreSQL in <c>ConnectionStrings__AgnoHooks</c>, as
/// <c>scripts/postgres.sh start</c> prints it; each benchmark case gets a schema of its own.
/// </summary>
internal static class DurablePostgres
{
    public const string Variable = "ConnectionStrings__AgnoHooks";

    public static string ConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"The durable benchmarks need PostgreSQL: export {Variable}=\"$(scripts/postgres.sh start /tmp/agno-hooks-bench-pg)\" first.");

    public static string NewSchema() => "bench_" + Guid.NewGuid().ToString("N")[..10];
}

/// <summary>Which queue runs background hooks: the in-memory executor, or Hangfire on PostgreSQL.</summary>
public enum QueueKind
{
    InMemory,
    Durable,

    /// <summary>Durable with <c>SynchronousCommit = false</c>: no wait for the disk flush (survives an app crash, not a database crash).</summary>
    DurableAsyncCommit,
}
