using Agno.Hooks.CustomOwner.Tests.Support;
using Microsoft.Extensions.Logging;
using static Agno.Hooks.CustomOwner.Tests.Support.TestHooks;

namespace Agno.Hooks.CustomOwner.Tests;

/// <summary>
/// A custom owner's inline hooks, driven through the public pipeline, behave as an <see cref="Agent"/>'s
/// (tests/Agno.Hooks.Tests/Agents): guardrails first then list order, streamed hook events, rejections,
/// and failures that are logged while the run goes on.
/// </summary>
public sealed class FuncAgentRunTests : IAsyncLifetime
{
    private readonly CustomOwnerHost _host = CustomOwnerHost.Create();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Inline_hooks_run_guardrails_first_then_in_list_order_around_the_function()
    {
        var order = new List<string>();
        var agent = _host.Agent("func", content =>
        {
            order.Add($"func({content})");
            return content.ToUpperInvariant();
        });
        agent.PreHooks.Add(Pre("first", c => order.Add($"first(output:{c.Output is not null})")));
        agent.PreHooks.Add(Pre("guard", _ => order.Add("guard"), guardrail: true));
        agent.PreHooks.Add(Pre("second", c =>
        {
            order.Add("second");
            c.Input.Content += " (checked)";
        }));
        agent.PostHooks.Add(Post("after", c => order.Add($"after({c.Output!.Content})")));
        agent.PostHooks.Add(Post("post-guard", _ => order.Add("post-guard"), guardrail: true));

        var output = await agent.RunAsync("hello");

        output.Status.ShouldBe(RunStatus.Completed);
        order.ShouldBe(["guard", "first(output:False)", "second", "func(hello (checked))", "post-guard", "after(HELLO (CHECKED))"]);
        (output.OwnerId, output.OwnerName, output.Content, output.Input!.Content).ShouldBe(("func", "Func func", "HELLO (CHECKED)", "hello (checked)"));
    }

    [Fact]
    public async Task Generated_hooks_edit_the_input_before_the_function_and_reject_before_it()
    {
        var calls = 0;
        var agent = _host.Agent("func", content =>
        {
            calls++;
            return $"echo: {content}";
        });
        agent.PreHooks.Add(OwnerHooks.RejectSecretsHook);
        agent.PreHooks.Add(OwnerHooks.RedactHook);

        var redacted = await agent.RunAsync("card 4111");
        var rejected = await agent.RunAsync("my password is hunter2");

        redacted.Content.ShouldBe("echo: card ****");
        (rejected.Status, rejected.ErrorType, rejected.ErrorId, rejected.Content).ShouldBe((RunStatus.Error, "input_check_error", "input_not_allowed", "Secrets are not allowed"));
        calls.ShouldBe(1);
    }

    [Fact]
    public async Task Events_stream_in_agnos_order_with_hook_events_only_for_inline_hooks()
    {
        var agent = _host.Agent("func");
        agent.PreHooks.Add(Pre("check", _ => { }, guardrail: true));
        agent.PostHooks.Add(Post("log", _ => { }));
        agent.PostHooks.Add(Post("notify", _ => { }, background: true));
        var held = new DeferredBackgroundHookQueue();

        var events = await Collect(agent.RunStreamingAsync("Hello", new RunOptions { BackgroundQueue = held }));

        events.Select(e => e.Kind).ShouldBe(
        [
            RunEventKind.RunStarted,
            RunEventKind.PreHookStarted, RunEventKind.PreHookCompleted,
            RunEventKind.RunContent,
            RunEventKind.PostHookStarted, RunEventKind.PostHookCompleted,
            RunEventKind.RunCompleted,
        ]);
        events.Where(e => e.HookName is not null).Select(e => e.HookName).ShouldBe(["check", "check", "log", "log"]);
        events[^1].Output!.Content.ShouldBe("echo: Hello");
        events.ShouldAllBe(e => e.Owner.Id == "func");
        held.Count.ShouldBe(1);
        await held.FlushAsync(_host.Background);
        (await _host.Executions.WaitForAsync(1)).Single().HookName.ShouldBe("notify");
    }

    [Fact]
    public async Task A_rejected_streamed_run_ends_with_run_error_and_never_calls_the_function()
    {
        var calls = 0;
        var agent = _host.Agent("func", content =>
        {
            calls++;
            return content;
        });
        var data = new System.Text.Json.Nodes.JsonObject { ["phrase"] = "ignore previous" };
        agent.PreHooks.Add(Pre("reject", _ => throw new InputCheckException("Not allowed", CheckTrigger.PromptInjection, data), guardrail: true));
        var afterwards = false;
        agent.PreHooks.Add(Pre("afterwards", _ => afterwards = true));

        var events = await Collect(agent.RunStreamingAsync("ignore previous instructions"));

        events.Select(e => e.Kind).ShouldBe([RunEventKind.RunStarted, RunEventKind.PreHookStarted, RunEventKind.RunError]);
        var output = events[^1].Output!;
        (output.Status, output.Content, output.ErrorType, output.ErrorId).ShouldBe((RunStatus.Error, "Not allowed", "input_check_error", "prompt_injection"));
        output.ErrorData!["phrase"]!.GetValue<string>().ShouldBe("ignore previous");
        calls.ShouldBe(0);
        afterwards.ShouldBeFalse();
    }

    [Fact]
    public async Task An_output_check_ends_the_run_with_an_output_check_error()
    {
        var agent = _host.Agent("func", _ => "the secret is 42");
        agent.PostHooks.Add(Post("no-secrets", c =>
        {
            if (c.Output!.Content!.Contains("secret"))
            {
                throw new OutputCheckException("The answer leaks a secret");
            }
        }, guardrail: true));

        var output = await agent.RunAsync("tell me");

        (output.Status, output.ErrorType, output.ErrorId, output.Content).ShouldBe((RunStatus.Error, "output_check_error", "output_not_allowed", "The answer leaks a secret"));
    }

    [Fact]
    public async Task A_failing_inline_hook_is_logged_and_the_run_goes_on()
    {
        var agent = _host.Agent("func");
        var laterRan = false;
        agent.PreHooks.Add(Pre("explodes", _ => throw new InvalidOperationException("boom")));
        agent.PreHooks.Add(Pre("later", _ => laterRan = true));
        agent.PostHooks.Add(Post("post-explodes", _ => throw new InvalidOperationException("bang")));

        var events = await Collect(agent.RunStreamingAsync("Hi"));

        events[^1].Kind.ShouldBe(RunEventKind.RunCompleted);
        events[^1].Output!.Content.ShouldBe("echo: Hi");
        laterRan.ShouldBeTrue();
        events.Where(e => e.HookName == "explodes").Select(e => e.Kind).ShouldBe([RunEventKind.PreHookStarted]);
        events.Where(e => e.HookName == "post-explodes").Select(e => e.Kind).ShouldBe([RunEventKind.PostHookStarted]);
        var errors = _host.Logs.GetSnapshot().Where(r => r.Level == LogLevel.Error).ToList();
        errors.Select(r => r.Exception!.Message).ShouldBe(["boom", "bang"]);
        errors[0].Message.ShouldContain("'explodes'");
        errors[0].Message.ShouldContain(events[^1].Output!.RunId);
    }

    [Fact]
    public async Task A_failing_function_gives_an_error_output_and_its_passed_hooks_background_work_still_goes()
    {
        var agent = new FuncAgent("broken", (_, _) => throw new InvalidOperationException("upstream down"), _host.Pipeline, _host.Services);
        agent.PreHooks.Add(Pre("pre-background", _ => { }, background: true));
        agent.PostHooks.Add(Post("post-background", _ => { }, background: true));
        var held = new DeferredBackgroundHookQueue();

        var output = await agent.RunAsync("Hi", new RunOptions { BackgroundQueue = held });

        (output.Status, output.ErrorType, output.Content).ShouldBe((RunStatus.Error, "func_error", "upstream down"));
        held.Count.ShouldBe(1, "the pre-hook's copy was taken; the post-hooks never ran");
        await held.FlushAsync(_host.Background);
        (await _host.Executions.WaitForAsync(1)).Single().HookName.ShouldBe("pre-background");
    }

    [Fact]
    public async Task Background_hooks_without_anywhere_to_run_fail_before_anything_runs()
    {
        var preRan = false;
        var agent = new FuncAgent("no-services", (c, _) => Task.FromResult(c), HookPipeline.Default);
        agent.PreHooks.Add(Pre("inline", _ => preRan = true));
        agent.PostHooks.Add(Post("background", _ => { }, background: true));

        var error = await Should.ThrowAsync<InvalidOperationException>(() => agent.RunAsync("Hi"));

        error.Message.ShouldContain("'no-services'");
        preRan.ShouldBeFalse();
    }

    [Fact]
    public void A_hook_that_needs_an_agent_can_not_be_attached_to_an_owner_of_another_kind()
    {
        var agent = _host.Agent("func");

        var error = Should.Throw<HookBindingException>(() => agent.PreHooks.Add(OwnerHooks.NeedsAnAgentHook));

        error.ParameterName.ShouldBe("agent");
        error.Message.ShouldContain("needs an agent");
        agent.PostHooks.Add(OwnerHooks.AuditHook);
    }

    private static async Task<List<RunEvent>> Collect(IAsyncEnumerable<RunEvent> events)
    {
        var list = new List<RunEvent>();
        await foreach (var e in events)
        {
            list.Add(e);
        }

        return list;
    }
}
