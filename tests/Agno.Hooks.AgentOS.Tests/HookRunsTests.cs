using System.Net;
using System.Text.Json.Nodes;
using Agno.Hooks.AgentOS.HookRuns;
using Agno.Hooks.AgentOS.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Agno.Hooks.AgentOS.Tests;

/// <summary><c>GET /hooks/runs</c> shows recent background executions, failures included, from a bounded ring.</summary>
public sealed class HookRunsTests
{
    [Fact]
    public async Task A_failing_background_hook_is_visible_with_its_error()
    {
        var signal = new ExecutionSignal(2);
        var agent = new Agent("agent") { Model = new OfflineChatClient() };
        agent.PostHooks.Add(TestHooks.Post("Works", _ => default, background: true));
        agent.PostHooks.Add(TestHooks.Post("Breaks", _ => throw new InvalidOperationException("The webhook is down."), background: true));
        await using var server = await AgentOSServer.StartAsync(os => os.Agents.Add(agent), configureServices: s => s.AddSingleton<IBackgroundHookObserver>(signal));

        using var run = await server.Client.PostAsync("/agents/agent/runs", AgentOSServer.Form(("message", "Hi"), ("stream", "false")));
        var runId = JsonNode.Parse(await run.Content.ReadAsStringAsync())!["run_id"]!.GetValue<string>();
        await signal.Reached.WaitAsync(Waits.Signal);

        using var response = await server.Client.GetAsync("/hooks/runs");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        body["capacity"]!.GetValue<int>().ShouldBe(100);
        body["statistics"]!["completed"]!.GetValue<long>().ShouldBe(1);
        body["statistics"]!["failed"]!.GetValue<long>().ShouldBe(1);

        var runs = body["runs"]!.AsArray().Select(r => r!.AsObject()).ToList();
        runs.Count.ShouldBe(2);
        runs.ShouldAllBe(r => r["run_id"]!.GetValue<string>() == runId);
        var broken = runs.Single(r => r["hook_name"]!.GetValue<string>() == "Breaks");
        broken["status"]!.GetValue<string>().ShouldBe("failed");
        broken["error"]!.GetValue<string>().ShouldBe("The webhook is down.");
        broken["duration"]!.GetValue<double>().ShouldBeGreaterThanOrEqualTo(0);
        DateTimeOffset.Parse(broken["started_at"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThan(DateTimeOffset.UtcNow.AddMinutes(-5));
        var works = runs.Single(r => r["hook_name"]!.GetValue<string>() == "Works");
        works["status"]!.GetValue<string>().ShouldBe("completed");
        works.ContainsKey("error").ShouldBeFalse();
    }

    [Fact]
    public async Task The_ring_keeps_only_the_newest_executions()
    {
        var signal = new ExecutionSignal(5);
        var agent = new Agent("agent") { Model = new OfflineChatClient() };
        agent.PostHooks.Add(TestHooks.Post("Counted", _ => default, background: true));
        await using var server = await AgentOSServer.StartAsync(
            os => os.Agents.Add(agent),
            new Dictionary<string, string?> { ["AgentOS:RecentHookRunsCapacity"] = "3", ["AgnoHooks:MaxConcurrency"] = "1" },
            configureServices: s => s.AddSingleton<IBackgroundHookObserver>(signal));

        var runIds = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            using var run = await server.Client.PostAsync("/agents/agent/runs", AgentOSServer.Form(("message", $"Hi {i}"), ("stream", "false")));
            runIds.Add(JsonNode.Parse(await run.Content.ReadAsStringAsync())!["run_id"]!.GetValue<string>());
        }

        await signal.Reached.WaitAsync(Waits.Signal);
        using var response = await server.Client.GetAsync("/hooks/runs");
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

        body["capacity"]!.GetValue<int>().ShouldBe(3);
        body["statistics"]!["completed"]!.GetValue<long>().ShouldBe(5);
        body["runs"]!.AsArray().Select(r => r!["run_id"]!.GetValue<string>()).ShouldBe([runIds[4], runIds[3], runIds[2]]);
    }

    [Fact]
    public void Ring_wraps_newest_first()
    {
        var ring = new RecentHookRuns(Options.Create(new AgentOSOptions { RecentHookRunsCapacity = 2 }));
        ring.Snapshot().ShouldBeEmpty();

        for (var i = 1; i <= 3; i++)
        {
            ring.OnExecuted(new BackgroundHookResult("Hook", $"run-{i}", BackgroundHookStatus.Completed, DateTimeOffset.UnixEpoch, TimeSpan.Zero, null));
        }

        ring.Snapshot().Select(e => e.RunId).ShouldBe(["run-3", "run-2"]);
    }
}
