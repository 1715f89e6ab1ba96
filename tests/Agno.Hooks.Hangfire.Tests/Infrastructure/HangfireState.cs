using Hangfire.Storage;
using Hangfire.Storage.Monitoring;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Agno.Hooks.Hangfire.Tests.Infrastructure;

/// <summary>What Hangfire's monitoring API (what the dashboard shows) says of one schema.</summary>
internal sealed class HangfireState : IDisposable
{
    private readonly DurableHookStorage _storage;

    public HangfireState(string connectionString, string schema)
    {
        _storage = new DurableHookStorage(
            Options.Create(new DurableBackgroundHooksOptions { ConnectionString = connectionString, SchemaName = schema }),
            NullLogger<DurableHookStorage>.Instance);
    }

    public IMonitoringApi Api => _storage.Storage.GetMonitoringApi();

    public StatisticsDto Statistics => Api.GetStatistics();

    /// <summary>Every job this schema has, whatever its state.</summary>
    public long JobCount => Statistics is var s ? s.Enqueued + s.Processing + s.Scheduled + s.Succeeded + s.Failed + s.Deleted : 0;

    /// <summary>The executions in the Succeeded list, with their job ids.</summary>
    public IReadOnlyList<(string JobId, BackgroundHookWorkItem Execution)> Succeeded() =>
        Api.SucceededJobs(0, 10_000).Select(pair => (pair.Key, Execution(pair.Value.Job))).ToList();

    /// <summary>The executions in the Failed list, with what they threw last.</summary>
    public IReadOnlyList<(string JobId, BackgroundHookWorkItem Execution, FailedJobDto Failure)> Failed() =>
        Api.FailedJobs(0, 10_000).Select(pair => (pair.Key, Execution(pair.Value.Job), pair.Value)).ToList();

    public void Dispose() => _storage.Dispose();

    private static BackgroundHookWorkItem Execution(global::Hangfire.Common.Job? job)
    {
        job.ShouldNotBeNull("the job can be read back");
        job.Type.ShouldBe(typeof(DurableHookJob));
        return BackgroundHookSerializer.Deserialize((string)job.Args[0]);
    }
}
