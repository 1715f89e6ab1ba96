namespace Agno.Hooks;

/// <summary>One step of a <see cref="Workflow"/>: an agent, a team, a function, or steps that run at the same time.</summary>
public abstract class WorkflowStep
{
    private protected WorkflowStep(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
    }

    /// <summary>The step's name, unique in its workflow; results are keyed by it.</summary>
    public string Name { get; }

    /// <summary>The agent or team this step runs; null for function and parallel steps.</summary>
    public Runnable? Runnable => (this as RunnableStep)?.Target;

    /// <summary>The steps a parallel step runs at the same time; empty for other steps.</summary>
    public IReadOnlyList<WorkflowStep> ParallelSteps => (this as ParallelStep)?.Steps ?? [];

    // RS0026: the two overloads differ in their first, required argument (an agent or a team): no call can be ambiguous.
#pragma warning disable RS0026
    /// <summary>Runs <paramref name="agent"/> on the previous step's output (the workflow's input for the first step).</summary>
    public static WorkflowStep Run(Agent agent, string? name = null) => new RunnableStep(name ?? agent.Name ?? agent.Id, agent);

    /// <summary>Runs <paramref name="team"/> on the previous step's output (the workflow's input for the first step).</summary>
    public static WorkflowStep Run(Team team, string? name = null) => new RunnableStep(name ?? team.Name ?? team.Id, team);
#pragma warning restore RS0026

    /// <summary>Runs <paramref name="function"/>; throwing fails the step and so the workflow.</summary>
    public static WorkflowStep Function(string name, Func<StepInput, CancellationToken, ValueTask<StepOutput>> function) => new FunctionStep(name, function);

    /// <summary>Runs <paramref name="steps"/> at the same time on the same input, and joins their outputs.</summary>
    public static WorkflowStep Parallel(string name, params WorkflowStep[] steps) => new ParallelStep(name, steps);

    internal abstract IEnumerable<Runnable> Runnables { get; }
}

internal sealed class RunnableStep(string name, Runnable runnable) : WorkflowStep(name)
{
    public Runnable Target { get; } = runnable ?? throw new ArgumentNullException(nameof(runnable));

    internal override IEnumerable<Runnable> Runnables => [Target];
}

internal sealed class FunctionStep(string name, Func<StepInput, CancellationToken, ValueTask<StepOutput>> function) : WorkflowStep(name)
{
    public Func<StepInput, CancellationToken, ValueTask<StepOutput>> Body { get; } = function ?? throw new ArgumentNullException(nameof(function));

    internal override IEnumerable<Runnable> Runnables => [];
}

internal sealed class ParallelStep : WorkflowStep
{
    public ParallelStep(string name, WorkflowStep[] steps)
        : base(name)
    {
        ArgumentNullException.ThrowIfNull(steps);
        if (steps.Length < 2)
        {
            throw new ArgumentException($"Parallel step '{name}' needs at least two steps.", nameof(steps));
        }

        Steps = steps;
    }

    public IReadOnlyList<WorkflowStep> Steps { get; }

    internal override IEnumerable<Runnable> Runnables => Steps.SelectMany(step => step.Runnables);
}
