using Agno.Hooks.Conformance;
using Microsoft.Agents.AI;
using Microsoft.Extensions.AI;

namespace Agno.Hooks.AgentFramework.Tests.Conformance;

/// <summary>The run semantics every owner shares, on an Agent Framework <see cref="ChatClientAgent"/> with <c>UseAgnoHooks</c>.</summary>
public sealed class AgentFrameworkConformanceTests : RunConformanceTests
{
    protected override OwnerUnderTest Create(ConformanceHost host)
    {
        var agent = new ChatClientAgent(host.Model, name: "framework-agent").AsBuilder().UseAgnoHooks(_ => { }).Build(host.Services);
        return new AgentUnderTest(agent, agent.GetService<AgnoHooksAgent>()!);
    }

    private sealed class AgentUnderTest(AIAgent agent, AgnoHooksAgent hooks) : OwnerUnderTest
    {
        public override IHookOwner Owner => hooks;

        public override async Task<RunResult> RunAsync(string message, bool streamed, CancellationToken cancellationToken = default)
        {
            try
            {
                if (!streamed)
                {
                    var response = await agent.RunAsync(message, cancellationToken: cancellationToken);
                    return response.GetHookRejection() is { } rejection ? new RunResult(RunResultKind.Rejected, rejection.Message) : new RunResult(RunResultKind.Completed, response.Text);
                }

                var updates = new List<AgentResponseUpdate>();
                await foreach (var update in agent.RunStreamingAsync(message, cancellationToken: cancellationToken))
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
                    : new RunResult(RunResultKind.Completed, string.Concat(updates.Select(u => u.Text)));
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // The inner agent's exception reaches the caller once the run is over.
                return new RunResult(RunResultKind.Failed, null);
            }
        }
    }
}
