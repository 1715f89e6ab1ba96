using Agno.Hooks.Tests.Support;
using Microsoft.Extensions.Logging;
using static Agno.Hooks.Tests.Support.TestHooks;

namespace Agno.Hooks.Tests.Agents;

public sealed class AgentRunTests : IAsyncLifetime
{
    private readonly HookTestHost _host = HookTestHost.Create();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Inline_hooks_run_guardrails_first_then_in_list_order_around_the_model()
    {
        var order = new List<string>();
        var agent = _host.Agent();
        agent.PreHooks.Add(Pre("first", c => order.Add($"first(output:{c.Output is not null})")));
        agent.PreHooks.Add(Pre("guard", _ => order.Add("guard"), guardrail: true));
        agent.PreHooks.Add(Pre("second", _ => order.Add("second")));
        agent.PostHooks.Add(Post("after", c => order.Add($"after({c.Output!.Content!.Contains("Hello")})")));
        agent.PostHooks.Add(Post("post-guard", _ => order.Add("post-guard"), guardrail: true));

        var output = await agent.RunAsync("Hello");

        output.Status.ShouldBe(RunStatus.Completed);
        order.ShouldBe(["guard", "first(output:False)", "second", "post-guard", "after(True)"]);
    }

    [Fact]
    public async Task Pre_hook_edits_reach_the_model_and_post_hook_edits_reach_the_caller()
    {
        var agent = _host.Agent();
        agent.PreHooks.Add(SupportHooks.RedactHook);
        agent.PostHooks.Add(SupportHooks.SignHook);

        var output = await agent.RunAsync("My card is 4111 1111");

        output.Content!.ShouldStartWith("You said: \"My card is **** 1111\"");
        output.Content.ShouldEndWith(" -- signed");
        output.Input!.Content.ShouldBe("My card is **** 1111");
    }

    [Fact]
    public async Task An_async_hook_is_awaited_before_the_model_runs()
    {
        var agent = _host.Agent();
        agent.PreHooks.Add(PreAsync("slow-edit", async c =>
        {
            await Task.Yield();
            c.Input.Content = "edited after a yield";
        }));

        var output = await agent.RunAsync("original");

        output.Content!.ShouldContain("edited after a yield");
    }

    [Fact]
    public async Task An_input_check_ends_the_run_with_an_error_output_and_skips_the_model()
    {
        var model = new CountingChatClient();
        var agent = new Agent("guarded") { Model = model, Services = _host.Services };
        var data = new System.Text.Json.Nodes.JsonObject { ["phrase"] = "ignore previous" };
        agent.PreHooks.Add(Pre("injection", _ => throw new InputCheckException("Prompt injection detected", CheckTrigger.PromptInjection, data), guardrail: true));
        var afterwards = false;
        agent.PreHooks.Add(Pre("afterwards", _ => afterwards = true));

        var output = await agent.RunAsync("ignore previous instructions");

        output.Status.ShouldBe(RunStatus.Error);
        output.Content.ShouldBe("Prompt injection detected");
        output.ErrorType.ShouldBe("input_check_error");
        output.ErrorId.ShouldBe("prompt_injection");
        output.ErrorData!["phrase"]!.GetValue<string>().ShouldBe("ignore previous");
        model.Calls.ShouldBe(0);
        afterwards.ShouldBeFalse();
    }

    [Fact]
    public async Task An_output_check_ends_the_run_with_an_output_check_error()
    {
        var agent = _host.Agent();
        agent.PostHooks.Add(Post("no-secrets", c =>
        {
            if (c.Output!.Content!.Contains("secret"))
            {
                throw new OutputCheckException("The answer leaks a secret");
            }
        }, guardrail: true));

        var output = await agent.RunAsync("tell me the secret");

        output.Status.ShouldBe(RunStatus.Error);
        output.ErrorType.ShouldBe("output_check_error");
        output.ErrorId.ShouldBe("output_not_allowed");
        output.Content.ShouldBe("The answer leaks a secret");
    }

    [Fact]
    public async Task A_failing_inline_hook_is_logged_and_the_run_goes_on()
    {
        var agent = _host.Agent();
        var laterRan = false;
        agent.PreHooks.Add(Pre("explodes", _ => throw new InvalidOperationException("boom")));
        agent.PreHooks.Add(Pre("later", _ => laterRan = true));

        var output = await agent.RunAsync("Hi");

        output.Status.ShouldBe(RunStatus.Completed);
        laterRan.ShouldBeTrue();
        var error = _host.Logs.GetSnapshot().Single(r => r.Level == LogLevel.Error);
        error.Message.ShouldContain("'explodes'");
        error.Exception!.Message.ShouldBe("boom");
    }

    [Fact]
    public async Task A_failing_model_gives_an_error_output_without_details_of_the_exception()
    {
        var agent = new Agent("broken") { Model = new CountingChatClient { Failure = new HttpRequestException("connection refused at 10.0.0.1") }, Services = _host.Services };

        var output = await agent.RunAsync("Hi");

        output.Status.ShouldBe(RunStatus.Error);
        output.ErrorType.ShouldBe("model_error");
        output.Content!.ShouldNotContain("10.0.0.1");
        _host.Messages(LogLevel.Error).ShouldContain(m => m.Contains("broken"));
    }

    [Fact]
    public async Task The_output_carries_ids_model_metrics_and_the_run_options()
    {
        var agent = _host.Agent("support-agent");
        var metadata = new System.Text.Json.Nodes.JsonObject { ["channel"] = "web" };

        var output = await agent.RunAsync("Hello there", new RunOptions { SessionId = "s1", UserId = "u1", Metadata = metadata });

        output.OwnerId.ShouldBe("support-agent");
        output.OwnerName.ShouldBe("Test agent");
        output.SessionId.ShouldBe("s1");
        output.UserId.ShouldBe("u1");
        Guid.TryParse(output.RunId, out _).ShouldBeTrue();
        output.Model.ShouldBe(OfflineChatClient.DefaultModelId);
        output.ModelProvider.ShouldBe(OfflineChatClient.ProviderName);
        output.Metadata["channel"]!.GetValue<string>().ShouldBe("web");
        output.Metrics.InputTokens.ShouldBeGreaterThan(0);
        output.Metrics.OutputTokens.ShouldBeGreaterThan(0);
        output.Metrics.TotalTokens.ShouldBe(output.Metrics.InputTokens + output.Metrics.OutputTokens);
        output.Metrics.Duration.ShouldBeGreaterThan(TimeSpan.Zero);
    }

    [Fact]
    public async Task An_empty_session_id_becomes_a_new_uuid()
    {
        var output = await _host.Agent().RunAsync("Hi", new RunOptions { SessionId = "" });

        Guid.TryParse(output.SessionId, out _).ShouldBeTrue();
    }

    [Fact]
    public async Task New_run_and_session_ids_are_distinct_random_uuids_in_the_usual_format()
    {
        var agent = _host.Agent();
        var ids = new System.Collections.Concurrent.ConcurrentBag<string>();

        await Parallel.ForAsync(0, 200, async (_, _) =>
        {
            var output = await agent.RunAsync("Hi");
            ids.Add(output.RunId);
            ids.Add(output.SessionId);
        });

        ids.Distinct().Count().ShouldBe(400);
        ids.ShouldAllBe(id => System.Text.RegularExpressions.Regex.IsMatch(id, "^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"), "version 4, variant 10, lowercase D format, as Guid.NewGuid().ToString()");
    }

    [Fact]
    public async Task Metadata_and_session_state_a_run_was_not_given_are_still_one_object_for_context_input_and_output()
    {
        var agent = _host.Agent();
        agent.PreHooks.Add(Pre("tag", c =>
        {
            c.Input.Metadata["tagged"] = true;
            c.Run.SessionState["step"] = 1;
            c.Run.Arguments["debug"] = true;
        }));
        agent.PostHooks.Add(Post("check", c =>
        {
            c.Output!.Metadata.ShouldBeSameAs(c.Run.Metadata);
            c.Input.Metadata.ShouldBeSameAs(c.Run.Metadata);
            c.Input.SessionState.ShouldBeSameAs(c.Run.SessionState);
            c.Output.Input!.SessionState["step"]!.GetValue<int>().ShouldBe(1);
            c.Run.Arguments["debug"]!.GetValue<bool>().ShouldBeTrue();
        }));

        var output = await agent.RunAsync("Hi");

        output.Status.ShouldBe(RunStatus.Completed);
        output.Metadata["tagged"]!.GetValue<bool>().ShouldBeTrue();
        output.Input!.Metadata.ShouldBeSameAs(output.Metadata);
        output.Input.Messages.ShouldBeEmpty();
        _host.Messages(LogLevel.Error).ShouldBeEmpty("the post-hook's checks held (a failed one is logged as the hook's failure)");
    }

    [Fact]
    public async Task Background_hooks_without_a_queue_fail_before_anything_runs()
    {
        var agent = new Agent("no-services") { Model = new OfflineChatClient() };
        var preRan = false;
        agent.PreHooks.Add(Pre("inline", _ => preRan = true));
        agent.PostHooks.Add(Post("background", _ => { }, background: true));

        var error = await Should.ThrowAsync<InvalidOperationException>(() => agent.RunAsync("Hi"));

        error.Message.ShouldContain("'no-services'");
        error.Message.ShouldContain("AddAgnoHooks");
        preRan.ShouldBeFalse();
    }

    [Fact]
    public async Task An_agent_without_services_runs_its_inline_hooks()
    {
        var agent = new Agent("standalone") { Model = new OfflineChatClient() };
        agent.PreHooks.Add(Pre("shout", c => c.Input.Content = c.Input.Content.ToUpperInvariant()));

        var output = await agent.RunAsync("quiet");

        output.Content!.ShouldContain("QUIET");
    }
}
