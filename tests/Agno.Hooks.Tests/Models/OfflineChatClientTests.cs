using Microsoft.Extensions.AI;

namespace Agno.Hooks.Tests.Models;

public sealed class OfflineChatClientTests
{
    private static readonly ChatMessage[] Conversation =
    [
        new(ChatRole.System, "Be helpful."),
        new(ChatRole.User, "First question"),
        new(ChatRole.Assistant, "First answer"),
        new(ChatRole.User, "  What is a hook?  "),
    ];

    [Fact]
    public async Task It_answers_from_the_conversation_the_same_way_every_time()
    {
        var client = new OfflineChatClient();

        var first = await client.GetResponseAsync(Conversation);
        var second = await new OfflineChatClient().GetResponseAsync(Conversation);

        first.Text.ShouldStartWith("You said: \"What is a hook?\".");
        first.Text.ShouldContain("2 messages from you");
        second.Text.ShouldBe(first.Text);
    }

    [Fact]
    public async Task It_streams_the_same_answer_in_several_chunks_and_reports_usage_last()
    {
        var client = new OfflineChatClient();
        var whole = await client.GetResponseAsync(Conversation);

        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in client.GetStreamingResponseAsync(Conversation))
        {
            updates.Add(update);
        }

        updates.Count(u => u.Text.Length > 0).ShouldBeGreaterThan(3);
        string.Concat(updates.Select(u => u.Text)).ShouldBe(whole.Text);
        var usage = updates[^1].Contents.OfType<UsageContent>().Single().Details;
        usage.InputTokenCount.ShouldBe(whole.Usage!.InputTokenCount);
        usage.OutputTokenCount.ShouldBe(whole.Usage.OutputTokenCount);
        usage.TotalTokenCount.ShouldBe(usage.InputTokenCount + usage.OutputTokenCount);
    }

    [Fact]
    public async Task It_counts_one_token_per_word()
    {
        var response = await new OfflineChatClient().GetResponseAsync([new ChatMessage(ChatRole.User, "one two three")]);

        response.Usage!.InputTokenCount.ShouldBe(3);
        response.Usage.OutputTokenCount.ShouldBe(response.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void It_describes_itself_as_an_offline_provider()
    {
        var metadata = new OfflineChatClient().GetService<ChatClientMetadata>();

        metadata!.ProviderName.ShouldBe("offline");
        metadata.DefaultModelId.ShouldBe(OfflineChatClient.DefaultModelId);
    }

    [Fact]
    public async Task It_honours_cancellation()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(() => new OfflineChatClient().GetResponseAsync(Conversation, cancellationToken: cancelled.Token));
    }
}
