using Agno.Hooks.AgentFramework.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Agno.Hooks.AgentFramework.Tests;

/// <summary>The same hooks on a bare <see cref="IChatClient"/>, through <c>ChatClientBuilder.UseAgnoHooks(...)</c>: no Agent Framework involved.</summary>
public sealed class ChatClientHookTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Hooks_run_in_Agno_order_and_background_hooks_after_the_response(bool streamed)
    {
        await using var harness = Harness.Create();
        var client = Build(harness, h =>
        {
            h.PreHooks.Add(TestHooks.RedactHook);
            h.PreHooks.Add(TestHooks.RejectSecretsHook);
            h.PostHooks.Add(TestHooks.RecordHook);
            h.PostHooks.Add(TestHooks.StampHook);
            h.PostHooks.Add(TestHooks.RejectLeaksHook);
        });

        var (response, _) = await GetAsync(client, "card 4111", streamed);
        await harness.Log.WaitForAsync("background:record");

        harness.Model.UserMessages.ShouldBe(["card ****"]);
        harness.Log.Entries.ShouldBe(
        [
            "pre:guard", "pre:redact", "model", "post:guard",
            "post:stamp You said: \"card ****\". This is the first message of our conversation. (Answered offline; plug in a real IChatClient for real answers.)",
            "background:record offline-echo 2+22=24 True",
        ]);
        if (!streamed)
        {
            response.Text.ShouldEndWith(" [checked]");
        }

        harness.Log.BackgroundContents.ShouldHaveSingleItem().ShouldEndWith(" [checked]");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_rejected_input_reaches_neither_the_model_nor_the_background_queue(bool streamed)
    {
        await using var harness = Harness.Create();
        var client = Build(harness, h =>
        {
            h.PreHooks.Add(TestHooks.RejectSecretsHook);
            h.PostHooks.Add(TestHooks.RecordHook);
        });

        var (response, updates) = await GetAsync(client, "the password is swordfish", streamed);

        harness.Model.Calls.ShouldBe(0);
        harness.Executor.Statistics.Queued.ShouldBe(0);
        response.Text.ShouldBe("Secrets are not allowed");
        response.FinishReason.ShouldBe(ChatFinishReason.ContentFilter);
        response.GetHookRejection().ShouldNotBeNull().ErrorType.ShouldBe("input_check_error");
        if (streamed)
        {
            updates.ShouldHaveSingleItem().GetHookRejection().ShouldNotBeNull().ErrorId.ShouldBe("input_not_allowed");
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_rejected_output_is_replaced_or_followed_by_the_rejection_and_queues_nothing(bool streamed)
    {
        await using var harness = Harness.Create();
        var client = Build(harness, h =>
        {
            h.PostHooks.Add(TestHooks.RecordHook);
            h.PostHooks.Add(TestHooks.RejectLeaksHook);
        });

        var (response, updates) = await GetAsync(client, "LEAK", streamed);

        harness.Executor.Statistics.Queued.ShouldBe(0);
        if (streamed)
        {
            updates[^1].GetHookRejection().ShouldNotBeNull().ErrorType.ShouldBe("output_check_error");
        }
        else
        {
            response.Text.ShouldBe("The answer leaked something");
            response.GetHookRejection().ShouldNotBeNull().ErrorId.ShouldBe("output_not_allowed");
        }
    }

    [Fact]
    public async Task Streaming_passes_the_first_update_on_before_the_model_has_produced_its_last()
    {
        await using var harness = Harness.Create(holdAfterFirstUpdate: true);
        var client = Build(harness, h => h.PostHooks.Add(TestHooks.StampHook));

        await using var updates = client.GetStreamingResponseAsync("Tell me a long story").GetAsyncEnumerator();
        (await updates.MoveNextAsync().AsTask().WaitAsync(Waits.Signal)).ShouldBeTrue();

        updates.Current.Text.ShouldBe("You said: \"Tell ");
        harness.Model.StreamFinished.ShouldBeFalse();
        harness.Log.Entries.ShouldBeEmpty();

        harness.Model.Release();
        while (await updates.MoveNextAsync().AsTask().WaitAsync(Waits.Signal))
        {
        }

        harness.Log.Entries.Count.ShouldBe(2);
        harness.Log.Entries[0].ShouldBe("model");
        harness.Log.Entries[1].ShouldStartWith("post:stamp ");
    }

    [Fact]
    public async Task A_hook_that_needs_an_Agno_Hooks_Agent_fails_when_attached()
    {
        await using var harness = Harness.Create();

        var error = Should.Throw<HookBindingException>(() => Build(harness, h => h.PreHooks.Add(TestHooks.NeedsAgnoAgentHook)));

        error.Message.ShouldContain("needs an Agno.Hooks Agent");
    }

    private static IChatClient Build(Harness harness, Action<AgnoHooksChatClient> configure) =>
        new ChatClientBuilder(harness.Model).UseAgnoHooks(configure, id: "chat").Build(harness.Services);

    private static async Task<(ChatResponse Response, List<ChatResponseUpdate> Updates)> GetAsync(IChatClient client, string message, bool streamed)
    {
        if (!streamed)
        {
            return (await client.GetResponseAsync(message), []);
        }

        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in client.GetStreamingResponseAsync(message))
        {
            updates.Add(update);
        }

        return (updates.ToChatResponse(), updates);
    }
}
