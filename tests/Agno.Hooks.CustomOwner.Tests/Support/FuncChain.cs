namespace Agno.Hooks.CustomOwner.Tests.Support;

/// <summary>Runs its children one after the other, each on the previous one's answer, nested in its own run.</summary>
public sealed class FuncChain(string id, IReadOnlyList<FuncOwner> children, HookPipeline pipeline, IServiceProvider? services = null)
    : FuncOwner(id, pipeline, services)
{
    public override IEnumerable<IHookOwner> Children => children;

    /// <summary>The children's outputs of the last run, in order.</summary>
    public List<RunOutput> ChildOutputs { get; } = [];

    /// <summary>
    /// How many background executions the last run's destination held once its children had completed: none, since a
    /// nested run's work joins its parent's and goes only when the parent completes.
    /// </summary>
    public int HeldAfterChildren { get; private set; } = -1;

    protected override async Task<string> AnswerAsync(string content, HookRun run, CancellationToken cancellationToken)
    {
        ChildOutputs.Clear();
        foreach (var child in children)
        {
            var output = await child.RunAsync(content, run.Nested(), cancellationToken);
            ChildOutputs.Add(output);
            HeldAfterChildren = Held(run);
            if (output.Status != RunStatus.Completed)
            {
                throw new InvalidOperationException($"Child '{child.Id}' failed: {output.Content}");
            }

            content = output.Content!;
        }

        HeldAfterChildren = Held(run);
        return content;
    }

    private static int Held(HookRun run) => (run.Options.BackgroundQueue as DeferredBackgroundHookQueue)?.Count ?? -1;
}
