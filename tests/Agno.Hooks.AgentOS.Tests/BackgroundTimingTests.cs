using Agno.Hooks.AgentOS.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Agno.Hooks.AgentOS.Tests;

/// <summary>
/// When background hooks run relative to the response, on Kestrel, proved with signals: a hook that blocks
/// until the test opens it, and a probe on Kestrel's response body.
/// </summary>
public sealed class BackgroundTimingTests
{
    [Theory]
    [InlineData("false")]
    [InlineData("true")]
    public async Task Response_completes_while_a_background_hook_is_still_blocked(string stream)
    {
        var hook = new GatedHook("Blocking", background: true);
        await using var server = await StartAsync(hook);

        using var response = await server.Client.PostAsync("/agents/agent/runs", AgentOSServer.Form(("message", "Hi"), ("stream", stream)));
        var body = await response.Content.ReadAsStringAsync();

        // The whole body has arrived; the hook has started (or is about to) and is still blocked.
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        body.ShouldContain("COMPLETED", Case.Insensitive);
        await hook.Started.WaitAsync(Waits.Signal);
        hook.Finished.IsCompleted.ShouldBeFalse();

        hook.Open();
        await hook.Finished.WaitAsync(Waits.Signal);
    }

    [Theory]
    [InlineData("false")]
    [InlineData("true")]
    public async Task Background_hook_starts_only_after_the_response_has_completed(string stream)
    {
        var probe = new ResponseCompletionProbe();
        var hook = new GatedHook("Blocking", background: true);
        bool? completedWhenHookStarted = null;
        hook.OnStart = () => completedWhenHookStarted = probe.IsCompleted;
        hook.Open();
        await using var server = await StartAsync(hook, probe);

        using var response = await server.Client.PostAsync("/agents/agent/runs", AgentOSServer.Form(("message", "Hi"), ("stream", stream)));
        await response.Content.ReadAsStringAsync();
        await hook.Finished.WaitAsync(Waits.Signal);

        // Nothing reached the executor before the response was complete, and the hook saw it complete.
        probe.QueuedBeforeCompletion.ShouldBe(0);
        completedWhenHookStarted.ShouldBe(true);
        server.Executor.Statistics.Queued.ShouldBe(1);
        server.RoundTrip.RoundTrips.ShouldBe(1, "the hook ran restored from JSON");
    }

    [Theory]
    [InlineData("false")]
    [InlineData("true")]
    public async Task The_same_hook_inline_holds_the_response_until_it_finishes(string stream)
    {
        var hook = new GatedHook("Blocking", background: false);
        await using var server = await StartAsync(hook);

        var responseTask = Task.Run(async () =>
        {
            using var response = await server.Client.PostAsync("/agents/agent/runs", AgentOSServer.Form(("message", "Hi"), ("stream", stream)));
            return await response.Content.ReadAsStringAsync();
        });

        // While the inline hook blocks, the response can't have been completed.
        await hook.Started.WaitAsync(Waits.Signal);
        responseTask.IsCompleted.ShouldBeFalse();

        hook.Open();
        var body = await responseTask.WaitAsync(Waits.Signal);
        body.ShouldContain("COMPLETED", Case.Insensitive);
    }

    [Theory]
    [InlineData("true")]
    [InlineData("false")]
    public async Task A_client_that_disconnects_mid_run_still_gets_its_run_finished_and_its_hooks_run(string stream)
    {
        // The run is held in an inline hook until the server has seen the client go.
        var inline = new GatedHook("Inline", background: false);
        var background = new GatedHook("Background", background: true);
        background.Open();
        var agent = new Agent("agent") { Model = new OfflineChatClient() };
        agent.PostHooks.Add(inline.Descriptor);
        agent.PostHooks.Add(background.Descriptor);
        var aborted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await AgentOSServer.StartAsync(os => os.Agents.Add(agent), beforeRoutes: app => app.Use((context, next) =>
        {
            context.RequestAborted.Register(() => aborted.TrySetResult());
            return next(context);
        }));

        // Its own connection, closed rather than drained for reuse when the test lets go of it.
        using (var client = new HttpClient(new SocketsHttpHandler { MaxResponseDrainSize = 0 }) { BaseAddress = server.Address })
        {
            using var giveUp = new CancellationTokenSource();
            var request = new HttpRequestMessage(HttpMethod.Post, "/agents/agent/runs") { Content = AgentOSServer.Form(("message", "Hi"), ("stream", stream)) };
            var sending = client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, giveUp.Token);
            if (stream == "true")
            {
                using var response = await sending;
                using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
                (await reader.ReadLineAsync()).ShouldBe("event: RunStarted");
                await inline.Started.WaitAsync(Waits.Signal);
            }
            else
            {
                await inline.Started.WaitAsync(Waits.Signal);
                await giveUp.CancelAsync();
                await Should.ThrowAsync<OperationCanceledException>(sending);
            }
        }

        await aborted.Task.WaitAsync(Waits.Signal);
        inline.Open();
        await background.Finished.WaitAsync(Waits.Signal);
    }

    [Fact]
    public async Task Global_setting_sends_an_unmarked_hook_to_the_background()
    {
        var hook = new GatedHook("Unmarked", background: false);
        var agent = new Agent("agent") { Model = new OfflineChatClient() };
        agent.PostHooks.Add(hook.Descriptor);
        await using var server = await AgentOSServer.StartAsync(
            os => os.Agents.Add(agent),
            configureServices: services => services.AddAgnoHooks(o => o.RunHooksInBackground = true));
        server.App.Services.GetRequiredService<IOptions<AgnoHooksOptions>>().Value.RunHooksInBackground.ShouldBeTrue("AgentOS serves with the runtime's one global setting");

        using var response = await server.Client.PostAsync("/agents/agent/runs", AgentOSServer.Form(("message", "Hi"), ("stream", "false")));
        await response.Content.ReadAsStringAsync();
        await hook.Started.WaitAsync(Waits.Signal);
        hook.Finished.IsCompleted.ShouldBeFalse();
        hook.Open();
        await hook.Finished.WaitAsync(Waits.Signal);
    }

    private static Task<AgentOSServer> StartAsync(GatedHook hook, ResponseCompletionProbe? probe = null)
    {
        var agent = new Agent("agent") { Model = new OfflineChatClient() };
        agent.PostHooks.Add(hook.Descriptor);
        return AgentOSServer.StartAsync(os => os.Agents.Add(agent), beforeRoutes: probe is null ? null : probe.Install);
    }
}
