using Agno.Hooks.Conformance;
using Microsoft.Extensions.AI;

namespace Agno.Hooks.Tests.Conformance;

/// <summary>The run semantics every owner shares, on <see cref="AgnoHooksChatClient"/> around the scripted model.</summary>
public sealed class ChatClientConformanceTests : RunConformanceTests
{
    protected override OwnerUnderTest Create(ConformanceHost host) => new ChatClientUnderTest(new AgnoHooksChatClient(host.Model, "chat", host.Services));

    private sealed class ChatClientUnderTest(AgnoHooksChatClient client) : OwnerUnderTest
    {
        public override IHookOwner Owner => client;

        public override async Task<RunResult> RunAsync(string message, bool streamed, CancellationToken cancellationToken = default)
        {
            try
            {
                if (!streamed)
                {
                    var response = await client.GetResponseAsync(message, cancellationToken: cancellationToken);
                    return response.GetHookRejection() is { } rejection ? new RunResult(RunResultKind.Rejected, rejection.Message) : new RunResult(RunResultKind.Completed, response.Text);
                }

                var updates = new List<ChatResponseUpdate>();
                await foreach (var update in client.GetStreamingResponseAsync(message, cancellationToken: cancellationToken))
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
