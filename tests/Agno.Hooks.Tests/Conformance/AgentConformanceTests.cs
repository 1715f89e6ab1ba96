using Agno.Hooks.Conformance;

namespace Agno.Hooks.Tests.Conformance;

/// <summary>The run, tool and model stages every owner that has them shares, on our <see cref="Agent"/>.</summary>
public sealed class AgentConformanceTests : ModelStageConformanceTests
{
    protected override OwnerUnderTest Create(ConformanceHost host)
    {
        var agent = new Agent("agent") { Model = host.Model, Services = host.Services };
        return new RunnableUnderTest(agent, (m, ct) => agent.RunAsync(m, cancellationToken: ct), (m, ct) => agent.RunStreamingAsync(m, cancellationToken: ct), addTool: agent.Tools.Add);
    }
}
