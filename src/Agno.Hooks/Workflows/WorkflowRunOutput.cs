using System.Diagnostics.CodeAnalysis;

namespace Agno.Hooks;

/// <summary>The output of a workflow run, with its steps' results.</summary>
public sealed class WorkflowRunOutput : RunOutput
{
    public WorkflowRunOutput()
    {
    }

    [SetsRequiredMembers]
    internal WorkflowRunOutput(RunContext run, IHookOwner owner, DateTimeOffset createdAt)
        : base(run, owner, createdAt)
    {
    }

    [SetsRequiredMembers]
    private WorkflowRunOutput(WorkflowRunOutput other, RunContext context)
        : base(other, context)
    {
        StepResults = other.StepResults.ConvertAll(step => step.Clone(context));
    }

    /// <summary>The results of the steps that ran, in order.</summary>
    public List<StepResult> StepResults { get; init; } = [];

    protected override RunOutput CreateCopy(RunContext context) => new WorkflowRunOutput(this, context);
}
