using System.Collections.Concurrent;
using Agno.Hooks.Hangfire.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Agno.Hooks.Hangfire.Tests;

/// <summary>Failures are retried with their execution id, up to the limit, then Failed with the exception; timeouts too; siblings never notice.</summary>
[Collection(PostgresCollection.Name)]
public sealed class RetryTests(PostgresCluster postgres)
{
    [Fact]
    public async Task A_failing_hook_is_retried_up_to_the_limit_then_Failed_with_its_exception_and_a_flaky_one_succeeds()
    {
        var schema = PostgresCluster.NewSchema();
        var attempts = new ConcurrentQueue<(string Hook, string ExecutionId, int Attempt)>();
        var agent = DurableHost.Agent("retry-agent",
            DurableHost.Hook("retry.AlwaysFails", context =>
            {
                var execution = context.RequiredBackgroundExecution;
                attempts.Enqueue(("fails", execution.Id, execution.Attempt));
                throw new InvalidOperationException($"boom on attempt {execution.Attempt}");
            }),
            DurableHost.Hook("retry.Flaky", context =>
            {
                var execution = context.RequiredBackgroundExecution;
                attempts.Enqueue(("flaky", execution.Id, execution.Attempt));
                return execution.Attempt < 2 ? throw new IOException("the network blinked") : default;
            }),
            DurableHost.Hook("retry.Fine", context =>
            {
                attempts.Enqueue(("fine", context.RequiredBackgroundExecution.Id, context.RequiredBackgroundExecution.Attempt));
                return default;
            }));

        await using var host = await DurableHost.StartAsync(postgres.ConnectionString, schema, agent, durable: d => d.MaxAttempts = 3);
        var runId = await host.RunAsync("retry-agent");

        using var state = new HangfireState(postgres.ConnectionString, schema);
        await Waits.UntilAsync(() => state.Statistics is { Failed: 1, Succeeded: 2 }, "one Failed and two Succeeded executions");

        var fails = attempts.Where(a => a.Hook == "fails").ToList();
        fails.Select(a => a.Attempt).ShouldBe([1, 2, 3], customMessage: "three attempts, then no more");
        fails.Select(a => a.ExecutionId).Distinct().ShouldHaveSingleItem("every attempt has the same execution id");
        attempts.Where(a => a.Hook == "flaky").Select(a => a.Attempt).ShouldBe([1, 2]);
        attempts.Where(a => a.Hook == "fine").Select(a => a.Attempt).ShouldBe([1], customMessage: "a sibling failing does not touch it");

        var (jobId, execution, failure) = state.Failed().ShouldHaveSingleItem();
        execution.HookName.ShouldBe("retry.AlwaysFails");
        execution.RunId.ShouldBe(runId);
        execution.ExecutionId.ShouldBe(fails[0].ExecutionId);
        failure.ExceptionType.ShouldBe(typeof(InvalidOperationException).FullName);
        failure.ExceptionMessage.ShouldBe("boom on attempt 3");
        var history = state.Api.JobDetails(jobId).History.Select(h => h.StateName).ToList();
        history.Count(s => s == "Scheduled").ShouldBe(2, $"two retries were scheduled: {string.Join(" <- ", history)}");
        state.Succeeded().Select(s => s.Execution.HookName).Order().ShouldBe(["retry.Fine", "retry.Flaky"]);
    }

    [Fact]
    public async Task A_hanging_hook_times_out_and_ends_Failed_while_its_sibling_succeeds()
    {
        var schema = PostgresCluster.NewSchema();
        var agent = DurableHost.Agent("hang-agent",
            DurableHost.Hook("hang.Forever", _ => new ValueTask(new TaskCompletionSource().Task)),
            DurableHost.Hook("hang.Sibling", _ => default));

        await using var host = await DurableHost.StartAsync(postgres.ConnectionString, schema, agent,
            durable: d => d.MaxAttempts = 1,
            hooks: h => h.HookTimeout = TimeSpan.FromMilliseconds(500));
        host.App.Services.GetRequiredService<BackgroundHookInvoker>().HookTimeout.ShouldBe(TimeSpan.FromMilliseconds(500));
        await host.RunAsync("hang-agent");

        using var state = new HangfireState(postgres.ConnectionString, schema);
        await Waits.UntilAsync(() => state.Statistics is { Failed: 1, Succeeded: 1 }, "the hanging hook Failed, its sibling Succeeded");
        var (_, execution, failure) = state.Failed().ShouldHaveSingleItem();
        execution.HookName.ShouldBe("hang.Forever");
        failure.ExceptionType.ShouldBe(typeof(TimeoutException).FullName);
        failure.ExceptionMessage.ShouldContain("timed out after 00:00:00.5");
        state.Succeeded().ShouldHaveSingleItem().Execution.HookName.ShouldBe("hang.Sibling");
    }
}
