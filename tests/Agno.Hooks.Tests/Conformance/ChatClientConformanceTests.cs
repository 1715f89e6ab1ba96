using Agno.Hooks.Conformance;
using Microsoft.Extensions.AI;

namespace Agno.Hooks.Tests.Conformance;

/// <summary>
/// The run, tool and model stages every owner that has them shares, on <see cref="AgnoHooksChatClient"/> around the
/// scripted model; tools come in each request's options and run in the client's own loop.
/// </summary>
public sealed class ChatClientConformanceTests : ModelStageConformanceTests
{
    protected override OwnerUnderTest Create(ConformanceHost host) => new ChatClientUnderTest(new AgnoHooksChatClient(host.Model, "chat", host.Services));

    private sealed class ChatClientUnderTest(AgnoHooksChatClient client) : OwnerUnderTest
    {
        private readonly List<AITool> _tools = [];

        public override IHookOwner Owner => client;

        public override void AddTool(AITool tool) => _tools.Add(tool);

        /// <summary>A request's options: the tools, when it has any.</summary>
        private ChatOptions? Options => _tools.Count == 0 ? null : new ChatOptions { Tools = [.. _tools] };

        public override async Task<RunResult> RunAsync(string message, bool streamed, CancellationToken cancellationToken = default)
        {
            try
            {
                if (!streamed)
                {
                    var response = await client.GetResponseAsync(message, Options, cancellationToken);
                    return response.GetHookRejection() is { } rejection ? new RunResult(RunResultKind.Rejected, rejection.Message) : new RunResult(RunResultKind.Completed, response.Text);
                }

                var updates = new List<ChatResponseUpdate>();
                await foreach (var update in client.GetStreamingResponseAsync(message, Options, cancellationToken))
                {
                    updates.Add(update);
                    if (update.GetHookRejection() is null && update.Text.Length > 0)
                    {
                        Received.Add(update.Text);
                        Deltas.Add(update.Text);
                    }
                }

                return updates.Select(u => u.GetHookRejection()).LastOrDefault(r => r is not null) is { } streamedRejection
                    ? new RunResult(RunResultKind.Rejected, streamedRejection.Message)
                    : new RunResult(RunResultKind.Completed, updates.ToChatResponse().Text);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // The inner client's exception reaches the caller once the run is over.
                return new RunResult(RunResultKind.Failed, null);
            }
        }
    }
}
