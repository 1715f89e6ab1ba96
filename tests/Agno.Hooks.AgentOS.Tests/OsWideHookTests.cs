using System.Net;
using Agno.Hooks.AgentOS.Tests.Infrastructure;

namespace Agno.Hooks.AgentOS.Tests;

/// <summary>
/// AgentOS's own pre- and post-hooks (Agno lacks them): before every served owner's pre-hooks and after its
/// post-hooks, guardrails of both lists first, background ones after the response; once per request, not again
/// for a team's members or a workflow's steps.
/// </summary>
public sealed class OsWideHookTests
{
    [Theory]
    [InlineData("/agents/solo/runs", "false")]
    [InlineData("/agents/solo/runs", "true")]
    [InlineData("/teams/content-team/runs", "false")]
    [InlineData("/workflows/analysis-workflow/runs", "true")]
    public async Task OS_wide_hooks_wrap_each_served_owners_own_hooks_once(string path, string stream)
    {
        var order = new List<string>();
        var backgroundRan = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        HookDescriptor Record(string name, bool post = false, bool guardrail = false) =>
            (post ? TestHooks.Post(name, Add(order, name)) : TestHooks.Pre(name, Add(order, name))) is var hook && guardrail
                ? new HookDescriptor(hook.Name, hook.Invoke, hook.Parameters) { Guardrail = true }
                : hook;

        var solo = new Agent("solo") { Model = new OfflineChatClient() };
        var team = TeamAndWorkflowRunTests.ContentTeam();
        var workflow = TeamAndWorkflowRunTests.AnalysisWorkflow();
        foreach (var owner in new Runnable[] { solo, team, workflow })
        {
            owner.PreHooks.Add(Record("own-pre"));
            owner.PreHooks.Add(Record("own-guard", guardrail: true));
            owner.PostHooks.Add(Record("own-post", post: true));
        }

        await using var server = await AgentOSServer.StartAsync(os =>
        {
            os.Agents.Add(solo);
            os.Teams.Add(team);
            os.Workflows.Add(workflow);
            os.PreHooks.Add(Record("os-pre"));
            os.PreHooks.Add(Record("os-guard", guardrail: true));
            os.PostHooks.Add(Record("os-post", post: true));
            os.PostHooks.Add(TestHooks.Post("os-background", _ =>
            {
                lock (order)
                {
                    order.Add("os-background");
                }

                backgroundRan.TrySetResult();
                return ValueTask.CompletedTask;
            }, background: true));
        });

        using var response = await server.Client.PostAsync(path, AgentOSServer.Form(("message", "Write about hooks"), ("stream", stream)));
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        body.ShouldContain("COMPLETED", Case.Insensitive);
        await backgroundRan.Task.WaitAsync(Waits.Signal);

        lock (order)
        {
            order.ShouldBe(["os-guard", "own-guard", "os-pre", "own-pre", "own-post", "os-post", "os-background"]);
        }

        if (stream == "true")
        {
            body.ShouldContain("\"pre_hook_name\":\"os-guard\"");
            body.ShouldContain("\"post_hook_name\":\"os-post\"");
        }
    }

    [Fact]
    public async Task An_OS_wide_guardrail_rejects_every_owner_and_queues_nothing()
    {
        var ranInBackground = false;
        await using var server = await AgentOSServer.StartAsync(os =>
        {
            os.Agents.Add(new Agent("solo") { Model = new OfflineChatClient() });
            os.PreHooks.Add(TestHooks.RejectAll("Not here"));
            os.PostHooks.Add(TestHooks.Post("os-background", _ =>
            {
                ranInBackground = true;
                return ValueTask.CompletedTask;
            }, background: true));
        });

        using var response = await server.Client.PostAsync("/agents/solo/runs", AgentOSServer.Form(("message", "Hi"), ("stream", "false")));
        var body = await response.Content.ReadAsStringAsync();

        body.ShouldContain("\"status\":\"ERROR\"");
        body.ShouldContain("Not here");
        server.Executor.Statistics.Queued.ShouldBe(0);
        ranInBackground.ShouldBeFalse();
    }

    [Fact]
    public async Task An_OS_wide_hook_that_needs_an_agent_fails_at_start_up_naming_it()
    {
        var agentOnly = new HookDescriptor("AgentOnly", _ => default, [new HookParameter("agent", HookParameterKind.Owner, typeof(Agent))]);

        var failure = await Should.ThrowAsync<Microsoft.Extensions.Options.OptionsValidationException>(() =>
            AgentOSServer.StartAsync(os => os.PreHooks.Add(agentOnly)));

        failure.Message.ShouldContain("Hook 'AgentOnly' can't be in PreHooks: it needs a agent as its owner");
    }

    private static Func<HookContext, ValueTask> Add(List<string> order, string name) => _ =>
    {
        lock (order)
        {
            order.Add(name);
        }

        return ValueTask.CompletedTask;
    };
}
