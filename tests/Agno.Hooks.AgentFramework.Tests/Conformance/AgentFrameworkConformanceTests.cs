using Agno.Hooks.Conformance;
using Microsoft.Agents.AI;
using Microsoft.Extensions.AI;

namespace Agno.Hooks.AgentFramework.Tests.Conformance;

/// <summary>
/// The run and tool stages every owner that has them shares, on an Agent Framework <see cref="ChatClientAgent"/> with
/// <c>UseAgnoHooks</c>; tools come in each run's options and run in the inner agent's own loop. It has no model stage:
/// the model is under that loop, out of the hooks' reach.
/// </summary>
public sealed class AgentFrameworkConformanceTests : ToolStageConformanceTests
{
    protected override OwnerUnderTest Create(ConformanceHost host)
    {
        var agent = new ChatClientAgent(host.Model, name: "framework-agent").AsBuilder().UseAgnoHooks(_ => { }).Build(host.Services);
        return new AgentUnderTest(agent, agent.GetService<AgnoHooksAgent>()!);
    }

    private sealed class AgentUnderTest(AIAgent agent, AgnoHooksAgent hooks) : OwnerUnderTest
    {
        private readonly List<AITool> _tools = [];

        public override IHookOwner Owner => hooks;

        public override void AddTool(AITool tool) => _tools.Add(tool);

        /// <summary>A run's options: the tools, when it has any (a ChatClientAgent adds them to its own).</summary>
        private ChatClientAgentRunOptions? Options => _tools.Count == 0 ? null : new ChatClientAgentRunOptions(new ChatOptions { Tools = [.. _tools] });

        public override async Task<RunResult> RunAsync(string message, bool streamed, CancellationToken cancellationToken = default)
        {
            try
            {
                if (!streamed)
                {
                    var response = await agent.RunAsync(message, options: Options, cancellationToken: cancellationToken);
                    return response.GetHookRejection() is { } rejection ? new RunResult(RunResultKind.Rejected, rejection.Message) : new RunResult(RunResultKind.Completed, response.Text);
                }

                var updates = new List<AgentResponseUpdate>();
                await foreach (var update in agent.RunStreamingAsync(message, options: Options, cancellationToken: cancellationToken))
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
