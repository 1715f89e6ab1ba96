using Microsoft.Extensions.DependencyInjection;
using Agno.Hooks.AgentFramework.Tests.Support;

namespace Agno.Hooks.AgentFramework.Tests;

/// <summary>Hooks on a real <see cref="ChatClientAgent"/> over the offline model, through <c>AsBuilder().UseAgnoHooks(...)</c>.</summary>
public sealed class AgentHookTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Hooks_run_in_Agno_order_guardrails_first_then_the_model_then_post_hooks_then_the_background(bool streamed)
    {
        await using var harness = Harness.Create();
        var agent = harness.Hooked(h =>
        {
            h.PreHooks.Add(TestHooks.RedactHook);
            h.PreHooks.Add(TestHooks.RejectSecretsHook);   // listed second, runs first
            h.PostHooks.Add(TestHooks.RecordHook);         // background: after everything inline
            h.PostHooks.Add(TestHooks.StampHook);
            h.PostHooks.Add(TestHooks.RejectLeaksHook);
        });

        var text = await RunAsync(agent, "Hello!", streamed);
        await harness.Log.WaitForAsync("background:record");

        harness.Log.Entries.ShouldBe(
        [
            "pre:guard", "pre:redact", "model", "post:guard", "post:stamp You said: \"Hello!\". This is the first message of our conversation. (Answered offline; plug in a real IChatClient for real answers.)",
            "background:record offline-echo 1+21=22 True",
        ]);
        if (!streamed)
        {
            text.ShouldEndWith(" [checked]");
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_run_returns_while_its_background_hook_is_still_blocked(bool streamed)
    {
        await using var harness = Harness.Create();
        var agent = harness.Hooked(h => h.PostHooks.Add(TestHooks.WaitHook));

        var text = await RunAsync(agent, "Hello!", streamed);

        // The caller has its whole answer; the background hook was handed over and waits at its gate.
        text.ShouldStartWith("You said");
        await harness.Gate.Started.WaitAsync(Waits.Signal);
        harness.Gate.Finished.IsCompleted.ShouldBeFalse();
        harness.Executor.Statistics.Queued.ShouldBe(1);
        harness.Gate.Open();
        await harness.Gate.Finished.WaitAsync(Waits.Signal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_rejected_input_reaches_neither_the_model_nor_the_background_queue(bool streamed)
    {
        await using var harness = Harness.Create();
        var agent = harness.Hooked(h =>
        {
            h.PreHooks.Add(TestHooks.AnyOwnerHook);
            h.PreHooks.Add(TestHooks.RejectSecretsHook);
            h.PostHooks.Add(TestHooks.RecordHook);
        });

        var (response, updates) = await RunFullyAsync(agent, "my password is hunter2", streamed);

        harness.Model.Calls.ShouldBe(0);
        harness.Executor.Statistics.Queued.ShouldBe(0);
        harness.Log.Entries.ShouldBe(["pre:guard"]);
        var rejection = response.GetHookRejection().ShouldNotBeNull();
        rejection.Message.ShouldBe("Secrets are not allowed");
        rejection.ErrorType.ShouldBe("input_check_error");
        rejection.ErrorId.ShouldBe("input_not_allowed");
        response.Text.ShouldBe("Secrets are not allowed");
        response.FinishReason.ShouldBe(ChatFinishReason.ContentFilter);
        if (streamed)
        {
            updates.Count.ShouldBe(1);
            updates[0].GetHookRejection().ShouldNotBeNull().ErrorId.ShouldBe("input_not_allowed");
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_rejected_output_never_reaches_the_caller_unguarded_and_queues_nothing(bool streamed)
    {
        await using var harness = Harness.Create();
        var agent = harness.Hooked(h =>
        {
            h.PostHooks.Add(TestHooks.RecordHook);
            h.PostHooks.Add(TestHooks.RejectLeaksHook);
        });

        var (response, updates) = await RunFullyAsync(agent, "please LEAK it", streamed);

        harness.Model.Calls.ShouldBe(1);
        harness.Executor.Statistics.Queued.ShouldBe(0);
        if (streamed)
        {
            // The answer's text was streamed as it came; the stream then ends with the rejection, as Agno's RunError follows RunContent.
            updates[^1].GetHookRejection().ShouldNotBeNull().ErrorType.ShouldBe("output_check_error");
            updates[^1].FinishReason.ShouldBe(ChatFinishReason.ContentFilter);
            updates.Take(updates.Count - 1).ShouldAllBe(update => update.GetHookRejection() == null);
        }
        else
        {
            response.Text.ShouldBe("The answer leaked something");
            response.Text.ShouldNotContain("LEAK", Case.Sensitive);
            response.GetHookRejection().ShouldNotBeNull().ErrorId.ShouldBe("output_not_allowed");
        }
    }

    [Fact]
    public async Task Inline_edits_reach_the_model_and_the_caller_and_never_the_callers_messages()
    {
        await using var harness = Harness.Create();
        var agent = harness.Hooked(h =>
        {
            h.PreHooks.Add(TestHooks.RedactHook);
            h.PostHooks.Add(TestHooks.StampHook);
        });
        var message = new ChatMessage(ChatRole.User, "my card is 4111 1111");

        var response = await agent.RunAsync(message);

        harness.Model.UserMessages.ShouldBe(["my card is **** 1111"]);
        message.Text.ShouldBe("my card is 4111 1111");
        response.Text.ShouldBe("You said: \"my card is **** 1111\". This is the first message of our conversation. (Answered offline; plug in a real IChatClient for real answers.) [checked]");
    }

    [Fact]
    public async Task Background_hooks_get_copies_taken_after_the_inline_hooks_and_their_writes_reach_no_one()
    {
        await using var harness = Harness.Create();
        var agent = harness.Hooked(h =>
        {
            h.PostHooks.Add(TestHooks.RecordHook);
            h.PostHooks.Add(TestHooks.StampHook);
        });

        var first = await agent.RunAsync("one");
        var second = await agent.RunAsync("two");
        await harness.Log.WaitForAsync("background:record", count: 2);

        // Each copy saw its own run after the inline stamp; its write ("changed by a background hook") went nowhere.
        harness.Log.BackgroundContents.Order().ShouldBe([first.Text, second.Text]);
        first.Text.ShouldEndWith("[checked]");
        first.Text.ShouldNotContain("changed");
    }

    [Fact]
    public async Task Streaming_passes_the_first_update_on_before_the_model_has_produced_its_last_and_post_hooks_run_after_the_last()
    {
        await using var harness = Harness.Create(holdAfterFirstUpdate: true);
        var agent = harness.Hooked(h => h.PostHooks.Add(TestHooks.StampHook));

        await using var updates = agent.RunStreamingAsync("Tell me a long story").GetAsyncEnumerator();
        (await updates.MoveNextAsync().AsTask().WaitAsync(Waits.Signal)).ShouldBeTrue();

        // The caller holds the first update while the model is held after producing it: nothing was buffered.
        updates.Current.Text.ShouldBe("You said: \"Tell ");
        harness.Model.StreamFinished.ShouldBeFalse();
        harness.Log.Entries.ShouldBeEmpty();

        harness.Model.Release();
        var rest = new List<AgentResponseUpdate>();
        while (await updates.MoveNextAsync().AsTask().WaitAsync(Waits.Signal))
        {
            rest.Add(updates.Current);
        }

        harness.Log.Entries[0].ShouldBe("model");
        harness.Log.Entries[1].ShouldStartWith("post:stamp You said: \"Tell me a long story\".");
        rest.Count.ShouldBeGreaterThan(3);
    }

    [Fact]
    public async Task Hooks_bind_the_Agent_Framework_agent_as_their_owner_and_the_runs_session()
    {
        await using var harness = Harness.Create();
        var agent = harness.Hooked(h => h.PreHooks.Add(TestHooks.SeeOwnerAndSessionHook));
        var session = await agent.CreateSessionAsync();

        await agent.RunAsync("Hello!", session);
        await agent.RunAsync("Again", session);
        await agent.RunAsync("No session");

        harness.Log.Owners.ShouldAllBe(owner => ReferenceEquals(owner, agent));
        harness.Log.Sessions.Take(2).ShouldAllBe(seen => ReferenceEquals(seen, session));
        harness.Log.Sessions.Last().ShouldNotBeSameAs(session);
        var seen = harness.Log.Entries.Where(entry => entry.StartsWith("pre:owner", StringComparison.Ordinal)).ToList();
        seen[0].ShouldBe($"pre:owner support session {AgnoHooksAgent.SessionIdOf(session)}");
        seen[1].ShouldBe(seen[0]);
        seen[2].ShouldNotBe(seen[0]);
    }

    [Fact]
    public async Task A_session_created_for_a_run_has_that_runs_session_id_and_keeps_it()
    {
        await using var harness = Harness.Create();
        var agent = harness.Hooked(h => h.PreHooks.Add(TestHooks.SeeOwnerAndSessionHook));

        await agent.RunAsync("No session");
        var created = harness.Log.Sessions.ShouldHaveSingleItem();
        await agent.RunAsync("Again", created);

        var seen = harness.Log.Entries.Where(entry => entry.StartsWith("pre:owner", StringComparison.Ordinal)).ToList();
        seen.Count.ShouldBe(2);
        seen[0].ShouldBe($"pre:owner support session {AgnoHooksAgent.SessionIdOf(created)}");
        seen[1].ShouldBe(seen[0]);
        Guid.TryParse(AgnoHooksAgent.SessionIdOf(created), out _).ShouldBeTrue();
    }

    [Fact]
    public async Task A_hook_that_needs_an_Agno_Hooks_Agent_fails_when_attached_to_an_Agent_Framework_agent()
    {
        await using var harness = Harness.Create();

        var error = Should.Throw<HookBindingException>(() => harness.Hooked(h => h.PreHooks.Add(TestHooks.NeedsAgnoAgentHook)));

        error.Message.ShouldStartWith("Hook 'Agno.Hooks.AgentFramework.Tests.Support.TestHooks.NeedsAgnoAgent' can't be a pre-hook of '");
        error.Message.ShouldEndWith("', which is an agent of type AgnoHooksAgent: its parameter 'agent' (Agent) needs an Agno.Hooks Agent. Bind the owner as IHookOwner to attach the hook to any owner.");
        error.ParameterName.ShouldBe("agent");
    }

    [Fact]
    public void A_hook_that_binds_an_Agent_Framework_agent_fails_when_attached_to_an_Agno_Hooks_Agent()
    {
        var agent = new Agent("agno") { Model = new OfflineChatClient() };

        var error = Should.Throw<HookBindingException>(() => agent.PreHooks.Add(TestHooks.SeeOwnerAndSessionHook));

        error.Message.ShouldBe("Hook 'Agno.Hooks.AgentFramework.Tests.Support.TestHooks.SeeOwnerAndSession' can't be a pre-hook of 'agno', which is an Agno.Hooks Agent: its parameter 'agent' (AIAgent) needs an owner of type Microsoft.Agents.AI.AIAgent. Bind the owner as IHookOwner to attach the hook to any owner.");
    }

    [Fact]
    public async Task Hooks_that_bind_any_owner_attach_to_both()
    {
        await using var harness = Harness.Create();
        var hooked = harness.Hooked(h => h.PreHooks.Add(TestHooks.AnyOwnerHook));

        await hooked.RunAsync("Hi");

        harness.Log.Entries[0].ShouldBe($"pre:any {hooked.Id}");
        new Agent("agno") { Model = new OfflineChatClient() }.PreHooks.Add(TestHooks.AnyOwnerHook);
    }

    [Fact]
    public void Building_with_a_container_without_AddAgnoHooks_fails_for_a_background_hook()
    {
        var services = new ServiceCollection().BuildServiceProvider();

        var error = Should.Throw<InvalidOperationException>(() =>
            new ChatClientAgent(new OfflineChatClient(), name: "support").AsBuilder().UseAgnoHooks(h => h.PostHooks.Add(TestHooks.RecordHook)).Build(services));

        error.Message.ShouldContain("call services.AddAgnoHooks()");
    }

    [Fact]
    public async Task A_background_hook_that_binds_the_session_because_of_the_global_setting_fails_and_the_run_goes_on()
    {
        await using var harness = Harness.Create(options: o => o.RunHooksInBackground = true);
        var agent = harness.Hooked(h => h.PreHooks.Add(TestHooks.SeeOwnerAndSessionHook));

        var response = await agent.RunAsync("Hello!");

        response.Text.ShouldStartWith("You said");
        await harness.Executions.WaitForAsync(1);
        var execution = harness.Executions.Done.ShouldHaveSingleItem();
        execution.Status.ShouldBe(BackgroundHookStatus.Failed);
        execution.Error!.ShouldContain("binds the run's session, which only inline hooks get");
    }

    private static async Task<string> RunAsync(AIAgent agent, string message, bool streamed)
    {
        var (response, _) = await RunFullyAsync(agent, message, streamed);
        return response.Text;
    }

    private static async Task<(AgentResponse Response, List<AgentResponseUpdate> Updates)> RunFullyAsync(AIAgent agent, string message, bool streamed)
    {
        if (!streamed)
        {
            return (await agent.RunAsync(message), []);
        }

        var updates = new List<AgentResponseUpdate>();
        await foreach (var update in agent.RunStreamingAsync(message))
        {
            updates.Add(update);
        }

        return (updates.ToAgentResponse(), updates);
    }
}
