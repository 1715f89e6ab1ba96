using Agno.Hooks.Conformance;

namespace Agno.Hooks.Tests.Conformance;

/// <summary>
/// The run semantics every owner shares, on a <see cref="Workflow"/> whose one step is an agent with the scripted model.
/// Its content is its steps': it streams none of its own, so it has no time to first token. It has no tool or model
/// stage of its own (its steps' agents have theirs), so it runs the run stages only.
/// </summary>
public sealed class WorkflowConformanceTests : RunConformanceTests
{
    protected override OwnerUnderTest Create(ConformanceHost host)
    {
        var workflow = new Workflow("workflow") { Services = host.Services };
        workflow.Steps.Add(WorkflowStep.Run(new Agent("writer") { Model = host.Model }));
        return new RunnableUnderTest(workflow, (m, ct) => workflow.RunAsync(m, cancellationToken: ct), (m, ct) => workflow.RunStreamingAsync(m, cancellationToken: ct), streamsOwnContent: false);
    }
}
