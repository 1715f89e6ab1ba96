using System.Collections.Concurrent;
using Agno.Hooks.Hangfire.Tests.Infrastructure;

namespace Agno.Hooks.Hangfire.Tests;

/// <summary>Two AgentOS instances on one PostgreSQL schema share the work; each execution runs on one of them, once.</summary>
[Collection(PostgresCollection.Name)]
public sealed class SharedDatabaseTests(PostgresCluster postgres)
{
    [Fact]
    public async Task Two_instances_share_100_hooks_and_each_execution_succeeds_once()
    {
        const int runs = 100;
        var schema = PostgresCluster.NewSchema();
        var ranOn = new ConcurrentDictionary<string, ConcurrentQueue<string>>();
        HookDescriptor Record(string instance) => DurableHost.Hook("shared.Record", async context =>
        {
            ranOn.GetOrAdd(context.RequiredBackgroundExecution.Id, _ => new()).Enqueue(instance);
            await Task.Delay(20, context.CancellationToken);
        });

        await using var a = await DurableHost.StartAsync(postgres.ConnectionString, schema, DurableHost.Agent("shared-agent", Record("a")), durable: d => d.WorkerCount = 2);
        await using var b = await DurableHost.StartAsync(postgres.ConnectionString, schema, DurableHost.Agent("shared-agent", Record("b")), durable: d =>
        {
            d.WorkerCount = 2;
            d.SynchronousCommit = false;   // allowed per instance: this one waits for no disk flush
        });

        // Half the runs reach each instance, ten at a time.
        using var gate = new SemaphoreSlim(10);
        await Task.WhenAll(Enumerable.Range(0, runs).Select(async i =>
        {
            await gate.WaitAsync();
            try
            {
                await (i % 2 == 0 ? a : b).RunAsync("shared-agent", $"Hello {i}!");
            }
            finally
            {
                gate.Release();
            }
        }));

        using var state = new HangfireState(postgres.ConnectionString, schema);
        await Waits.UntilAsync(() => state.Statistics.Succeeded == runs, "every execution succeeded");

        ranOn.Count.ShouldBe(runs);
        ranOn.Values.ShouldAllBe(instances => instances.Count == 1, "each execution ran once, on one instance");
        var perInstance = ranOn.Values.GroupBy(instances => instances.Single()).ToDictionary(g => g.Key, g => g.Count());
        perInstance.Keys.Order().ToArray().ShouldBe(["a", "b"], customMessage: $"both instances ran some: {string.Join(", ", perInstance)}");
        state.Succeeded().Select(s => s.Execution.ExecutionId).Order().ShouldBe(ranOn.Keys.Order());
        state.Statistics.Failed.ShouldBe(0);
    }
}
