using Agno.Hooks.AgentOS.Tests.Infrastructure;

namespace Agno.Hooks.AgentOS.Tests;

/// <summary>Stopping the host (as on SIGTERM) drains the background hooks it holds.</summary>
public sealed class DrainOnStopTests
{
    [Fact]
    public async Task Stopping_the_host_runs_every_queued_slow_hook()
    {
        const int runs = 6;
        var finished = 0;
        var stopBegun = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var agent = new Agent("agent") { Model = new OfflineChatClient() };
        agent.PostHooks.Add(TestHooks.Post("Slow", async context =>
        {
            // Nothing can finish before the stop begins; after that, each still takes a while.
            await stopBegun.Task.WaitAsync(context.CancellationToken);
            await Task.Delay(TimeSpan.FromMilliseconds(100), context.CancellationToken);
            Interlocked.Increment(ref finished);
        }, background: true));

        // One worker: most of the executions are still queued, not running, when the stop begins.
        var server = await AgentOSServer.StartAsync(os => os.Agents.Add(agent), new Dictionary<string, string?> { ["AgnoHooks:MaxConcurrency"] = "1" });
        await using (server)
        {
            for (var i = 0; i < runs; i++)
            {
                using var response = await server.Client.PostAsync("/agents/agent/runs", AgentOSServer.Form(("message", "Hi"), ("stream", i % 2 == 0 ? "true" : "false")));
                await response.Content.ReadAsStringAsync();
            }

            var stopping = server.App.StopAsync();
            stopBegun.SetResult();
            await stopping.WaitAsync(Waits.Signal);

            Volatile.Read(ref finished).ShouldBe(runs);
            server.Executor.Statistics.Completed.ShouldBe(runs);
            server.Executor.Statistics.Abandoned.ShouldBe(0);
        }
    }
}
