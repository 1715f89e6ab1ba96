using System.Runtime.CompilerServices;
using Agno.Hooks.Tests.Support;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace Agno.Hooks.Tests.Chat;

/// <summary>
/// The chat client's stream under an output guardrail: updates carry the checked text and keep everything else the inner
/// client sent (ids, model, usage); none carries the unchecked text, in its text or in its raw representation.
/// </summary>
public sealed class ChatClientStreamingGuardrailTests
{
    [Fact]
    public async Task Updates_carry_the_masked_text_with_the_inner_updates_ids_and_usage()
    {
        await using var host = HookTestHost.Create(hooks: h => h.AddOutputPiiDetection(o => o.Mask = true));
        var client = new ChatClientBuilder(new LeakingModel()).UseAgnoHooks(h => h.PostHooks.Add(OutputPiiDetectionGuardrail.CheckHook), id: "chat").Build(host.Services);

        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in client.GetStreamingResponseAsync("Where do I write?"))
        {
            updates.Add(update);
        }

        var response = updates.ToChatResponse();
        response.Text.ShouldBe("Mail **************** now, or call ************.");
        updates.ShouldAllBe(u => !u.Text.Contains('@') && !u.Text.Contains("555"), "no update has any of the raw text");
        updates.ShouldAllBe(u => !(u.RawRepresentation is string && ((string)u.RawRepresentation).Contains('@')), "nor its raw representation");
        updates.Where(u => u.Text.Length > 0).ShouldAllBe(u => u.ResponseId == "resp-1" && u.ModelId == "model-x" && u.MessageId == "msg-1");
        response.Usage!.TotalTokenCount.ShouldBe(30, "the usage the inner client sent, held text or not");
    }

    /// <summary>Streams an answer whose e-mail address and phone number are split across updates, its raw chunk attached to each.</summary>
    private sealed class LeakingModel : IChatClient
    {
        private static readonly string[] Chunks = ["Mail leak@exa", "mple.com now, or call 555-", "123-4567", "."];

        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, string.Concat(Chunks))));

        public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            for (var i = 0; i < Chunks.Length; i++)
            {
                await Task.Yield();
                List<AIContent> contents = [new TextContent(Chunks[i])];
                if (i == 1)
                {
                    contents.Add(new UsageContent(new UsageDetails { InputTokenCount = 10, OutputTokenCount = 20, TotalTokenCount = 30 }));
                }

                yield return new ChatResponseUpdate(ChatRole.Assistant, contents)
                {
                    ResponseId = "resp-1",
                    MessageId = "msg-1",
                    ModelId = "model-x",
                    RawRepresentation = Chunks[i],
                };
            }
        }

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
