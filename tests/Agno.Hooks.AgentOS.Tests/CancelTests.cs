using System.Net;
using System.Text.Json.Nodes;
using Agno.Hooks.AgentOS.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Agno.Hooks.AgentOS.Tests;

/// <summary>
/// <c>POST /{kind}/{id}/runs/{run_id}/cancel</c> on Kestrel: the running run ends with status CANCELLED (a
/// stream with Agno's <c>RunCancelled</c> then <c>RunCompleted</c>), is saved in its session as CANCELLED, and
/// queues no background hook, as a rejected run queues none. The model blocks until it is cancelled, so
/// every step waits on a signal.
/// </summary>
public sealed class CancelTests
{
    [Fact]
    public async Task Cancelling_a_streaming_run_ends_it_with_RunCancelled_saves_it_CANCELLED_and_queues_no_hook()
    {
        var model = new BlockingChatClient();
        var agent = new Agent("slow") { Name = "Slow", Model = model };
        agent.PreHooks.Add(TestHooks.Pre("BackgroundBefore", _ => ValueTask.CompletedTask, background: true));
        agent.PostHooks.Add(TestHooks.Post("BackgroundAfter", _ => ValueTask.CompletedTask, background: true));
        var handled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await AgentOSServer.StartAsync(os => os.Agents.Add(agent), beforeRoutes: app => SignalWhenRunRequestEnds(app, handled));

        using var request = new HttpRequestMessage(HttpMethod.Post, "/agents/slow/runs") { Content = AgentOSServer.Form(("message", "Tell me a long story"), ("session_id", "s-cancel")) };
        using var response = await server.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        using var reader = new ServerSentEventReader(await response.Content.ReadAsStreamAsync());
        var before = await reader.UntilAsync("RunContent");
        var runId = before[0].Data["run_id"]!.GetValue<string>();

        using var cancel = await server.Client.PostAsync($"/agents/slow/runs/{runId}/cancel", null);
        var after = await reader.RestAsync();
        await handled.Task.WaitAsync(Waits.Signal);

        cancel.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await cancel.Content.ReadAsStringAsync()).ShouldBe("{}");
        await model.Cancelled.WaitAsync(Waits.Signal);
        before.Select(f => f.Event).ShouldBe(["RunStarted", "RunContent"]);
        after.Select(f => f.Event).ShouldBe(["RunCancelled", "RunCompleted"]);
        var cancelled = after[0].Data;
        cancelled["run_id"]!.GetValue<string>().ShouldBe(runId);
        cancelled["agent_id"]!.GetValue<string>().ShouldBe("slow");
        cancelled["session_id"]!.GetValue<string>().ShouldBe("s-cancel");
        cancelled["content"]!.GetValue<string>().ShouldBe(BlockingChatClient.FirstChunk);
        cancelled["reason"]!.GetValue<string>().ShouldBe($"Run {runId} was cancelled");
        after[1].Data["content"]!.GetValue<string>().ShouldBe(BlockingChatClient.FirstChunk);

        var run = (await SessionClient.GetAsync(server, $"/sessions/s-cancel/runs/{runId}")).AsObject();
        run["status"]!.GetValue<string>().ShouldBe("CANCELLED");
        run["content"]!.GetValue<string>().ShouldBe(BlockingChatClient.FirstChunk);
        run["run_input"]!.GetValue<string>().ShouldBe("Tell me a long story");

        // Like a rejected run, a cancelled one hands nothing to the executor: neither the pre-hook captured
        // before the model nor the post-hook.
        server.Executor.Statistics.Queued.ShouldBe(0);

        // The run is over: cancelling it again is a no-op, still 200 {} as in Agno.
        using var again = await server.Client.PostAsync($"/agents/slow/runs/{runId}/cancel", null);
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Cancelling_a_run_that_answers_JSON_answers_status_CANCELLED()
    {
        var model = new BlockingChatClient();
        var runIds = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var agent = new Agent("slow") { Name = "Slow", Model = model };
        agent.PreHooks.Add(TestHooks.Pre("KnowsItsRun", context =>
        {
            runIds.TrySetResult(context.Run.RunId);
            return ValueTask.CompletedTask;
        }));
        await using var server = await AgentOSServer.StartAsync(os => os.Agents.Add(agent));

        var answer = server.Client.PostAsync("/agents/slow/runs", AgentOSServer.Form(("message", "Slow question"), ("stream", "false"), ("session_id", "s-json")));
        var runId = await runIds.Task.WaitAsync(Waits.Signal);
        await model.Answering.WaitAsync(Waits.Signal);
        using var cancel = await server.Client.PostAsync($"/agents/slow/runs/{runId}/cancel", null);
        using var response = await answer.WaitAsync(Waits.Signal);
        var run = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        run["run_id"]!.GetValue<string>().ShouldBe(runId);
        run["status"]!.GetValue<string>().ShouldBe("CANCELLED");
        run["content"]!.GetValue<string>().ShouldBe($"Run {runId} was cancelled");
        run["input"]!["input_content"]!.GetValue<string>().ShouldBe("Slow question");
        (await SessionClient.GetAsync(server, "/sessions/s-json/runs"))[0]!["status"]!.GetValue<string>().ShouldBe("CANCELLED");
    }

    [Fact]
    public async Task Cancelling_a_streaming_team_run_ends_it_with_TeamRunCancelled()
    {
        var model = new BlockingChatClient();
        var team = new Team("team") { Name = "Team", Model = new OfflineChatClient(), Mode = TeamMode.Route };
        team.Members.Add(new Agent("member") { Name = "Member", Model = model });
        await using var server = await AgentOSServer.StartAsync(os => os.Teams.Add(team));

        using var request = new HttpRequestMessage(HttpMethod.Post, "/teams/team/runs") { Content = AgentOSServer.Form(("message", "Work"), ("session_id", "s-team-cancel")) };
        using var response = await server.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        using var reader = new ServerSentEventReader(await response.Content.ReadAsStreamAsync());
        var before = await reader.UntilAsync("RunContent");
        var runId = before[0].Data["run_id"]!.GetValue<string>();

        using var cancel = await server.Client.PostAsync($"/teams/team/runs/{runId}/cancel", null);
        var after = await reader.RestAsync();

        before[0].Event.ShouldBe("TeamRunStarted");
        after.Select(f => f.Event).ShouldBe(["TeamRunCancelled", "TeamRunCompleted"]);
        after[0].Data["team_id"]!.GetValue<string>().ShouldBe("team");
        after[0].Data["content"]!.GetValue<string>().ShouldBe($"Run {runId} was cancelled");
        (await SessionClient.GetAsync(server, "/sessions/s-team-cancel/runs"))[0]!["status"]!.GetValue<string>().ShouldBe("CANCELLED");
    }

    [Fact]
    public async Task Cancelling_a_streaming_workflow_run_ends_it_with_WorkflowCancelled()
    {
        var model = new BlockingChatClient();
        var workflow = new Workflow("flow") { Name = "Flow" };
        workflow.Steps.Add(WorkflowStep.Run(new Agent("step") { Name = "Step", Model = model }));
        await using var server = await AgentOSServer.StartAsync(os => os.Workflows.Add(workflow));

        using var request = new HttpRequestMessage(HttpMethod.Post, "/workflows/flow/runs") { Content = AgentOSServer.Form(("message", "Go"), ("session_id", "s-flow-cancel")) };
        using var response = await server.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        using var reader = new ServerSentEventReader(await response.Content.ReadAsStreamAsync());
        var before = await reader.UntilAsync("RunContent");
        var runId = before[0].Data["run_id"]!.GetValue<string>();

        using var cancel = await server.Client.PostAsync($"/workflows/flow/runs/{runId}/cancel", null);
        var after = await reader.RestAsync();

        before[0].Event.ShouldBe("WorkflowStarted");
        after.Select(f => f.Event).ShouldBe(["WorkflowCancelled", "WorkflowCompleted"]);
        after[0].Data["workflow_id"]!.GetValue<string>().ShouldBe("flow");
        (await SessionClient.GetAsync(server, "/sessions/s-flow-cancel/runs"))[0]!["status"]!.GetValue<string>().ShouldBe("CANCELLED");
    }

    [Fact]
    public async Task Only_the_runs_owner_route_cancels_it_and_an_unknown_owner_is_404()
    {
        var model = new BlockingChatClient();
        await using var server = await AgentOSServer.StartAsync(os =>
        {
            os.Agents.Add(new Agent("slow") { Model = model });
            os.Agents.Add(new Agent("other") { Model = new OfflineChatClient() });
        });

        using var request = new HttpRequestMessage(HttpMethod.Post, "/agents/slow/runs") { Content = AgentOSServer.Form(("message", "Hi")) };
        using var response = await server.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        using var reader = new ServerSentEventReader(await response.Content.ReadAsStreamAsync());
        var runId = (await reader.UntilAsync("RunContent"))[0].Data["run_id"]!.GetValue<string>();

        using var wrongAgent = await server.Client.PostAsync($"/agents/other/runs/{runId}/cancel", null);
        using var wrongKind = await server.Client.PostAsync($"/teams/slow/runs/{runId}/cancel", null);
        using var unknownAgent = await server.Client.PostAsync($"/agents/nobody/runs/{runId}/cancel", null);

        wrongAgent.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await SessionClient.ErrorAsync(wrongKind, HttpStatusCode.NotFound)).ShouldBe("Team not found");
        (await SessionClient.ErrorAsync(unknownAgent, HttpStatusCode.NotFound)).ShouldBe("Agent not found");
        model.Cancelled.IsCompleted.ShouldBeFalse();

        using var cancel = await server.Client.PostAsync($"/agents/slow/runs/{runId}/cancel", null);
        (await reader.RestAsync()).Select(f => f.Event).ShouldBe(["RunCancelled", "RunCompleted"]);
    }

    /// <summary>Signals once a run request's handler has returned: the run saved, its hooks (if any) handed over.</summary>
    private static void SignalWhenRunRequestEnds(WebApplication app, TaskCompletionSource handled) =>
        app.Use(async (context, next) =>
        {
            await next(context);
            if (context.Request.Path.Value!.EndsWith("/runs", StringComparison.Ordinal))
            {
                handled.TrySetResult();
            }
        });
}
