using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;

namespace Agno.Hooks.CustomOwner.Tests.Support;

/// <summary>Per-run choices of a <see cref="FuncOwner"/> run.</summary>
public sealed class FuncRunOptions
{
    public string? SessionId { get; init; }

    public JsonObject? Metadata { get; init; }

    public JsonObject? SessionState { get; init; }

    public IReadOnlyList<RunMessage>? Messages { get; init; }

    /// <summary>Where the run's background work goes; a <see cref="DeferredBackgroundHookQueue"/> holds it until the caller flushes it.</summary>
    public IBackgroundHookQueue? Background { get; init; }

    /// <summary>The run this one is nested in.</summary>
    public HookRun? Parent { get; init; }

    public bool? RunHooksInBackground { get; init; }
}

public enum FuncEventKind
{
    RunStarted,
    PreHookStarted,
    PreHookCompleted,
    RunContent,
    PostHookStarted,
    PostHookCompleted,
    RunCompleted,
    RunError,
}

/// <summary>One event of a streamed run, in Agno's order.</summary>
public sealed record FuncEvent(FuncEventKind Kind, string OwnerId, string? HookName = null, string? Content = null, RunOutput? Output = null);

/// <summary>
/// A hook owner that is not one of Agno.Hooks' own: it drives its hooks through the public
/// <see cref="HookPipeline"/> the way Agent, Team and Workflow do. A run: <see cref="HookPipeline.StartRun"/>, the
/// inline pre-hooks, its own work on <see cref="HookRun.Input"/> unless a check rejected the run, a
/// <see cref="RunOutput"/>, the inline post-hooks, then <see cref="HookRun.CompleteAsync"/>, which hands the
/// background work to the run's destination (the caller's <see cref="DeferredBackgroundHookQueue"/>, say).
/// </summary>
public abstract class FuncOwner : IHookOwner
{
    protected FuncOwner(string id, HookPipeline pipeline, IServiceProvider? services)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(pipeline);
        Id = id;
        Pipeline = pipeline;
        Services = services;
        PreHooks = new HookList(this, HookStage.Pre);
        PostHooks = new HookList(this, HookStage.Post);
    }

    public string Id { get; }

    public string? Name { get; init; }

    /// <summary>Not an agent, team or workflow: hooks that bind one of those can't be attached.</summary>
    public HookOwnerKind Kind => HookOwnerKind.Any;

    public HookList PreHooks { get; }

    public HookList PostHooks { get; }

    public virtual IEnumerable<IHookOwner> Children => [];

    public HookPipeline Pipeline { get; }

    /// <summary>What inline hooks resolve services from.</summary>
    public IServiceProvider? Services { get; }

    /// <summary>Runs it; a check that rejects the run gives an output with status Error.</summary>
    public async Task<RunOutput> RunAsync(string message, FuncRunOptions? options = null, CancellationToken cancellationToken = default)
    {
        RunOutput? output = null;
        await foreach (var runEvent in RunCoreAsync(message, options, streaming: false, cancellationToken))
        {
            output = runEvent.Output ?? output;
        }

        return output!;
    }

    /// <summary>Runs it, streaming its events: hook events for inline hooks only, as Agno streams them.</summary>
    public IAsyncEnumerable<FuncEvent> RunStreamingAsync(string message, FuncRunOptions? options = null, CancellationToken cancellationToken = default) =>
        RunCoreAsync(message, options, streaming: true, cancellationToken);

    /// <summary>The owner's own work on the input as the inline pre-hooks left it; <paramref name="run"/> is the parent of nested runs.</summary>
    protected abstract Task<string> AnswerAsync(string content, HookRun run, CancellationToken cancellationToken);

    private async IAsyncEnumerable<FuncEvent> RunCoreAsync(string message, FuncRunOptions? options, bool streaming, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        options ??= new FuncRunOptions();
        var parent = options.Parent;
        var run = new RunContext(Guid.NewGuid().ToString(), parent?.Run.SessionId ?? options.SessionId ?? Guid.NewGuid().ToString())
        {
            // A nested run shares its parent's metadata and session state, as team members and workflow steps do.
            Metadata = parent?.Run.Metadata ?? options.Metadata ?? [],
            SessionState = parent?.Run.SessionState ?? options.SessionState ?? [],
        };
        var input = new RunInput(message)
        {
            Messages = options.Messages is null ? [] : [.. options.Messages],
            Metadata = run.Metadata,
            SessionState = run.SessionState,
        };
        var hooks = Pipeline.StartRun(this, run, input, new HookRunOptions
        {
            Services = Services,
            Background = options.Background,
            Parent = parent,
            RunHooksInBackground = options.RunHooksInBackground,
        }, cancellationToken);
        var output = new RunOutput
        {
            RunId = run.RunId,
            SessionId = run.SessionId,
            UserId = run.UserId,
            OwnerId = Id,
            OwnerName = Name,
            CreatedAt = Pipeline.Time.GetUtcNow(),
            Metadata = run.Metadata,
            Input = input,
        };

        if (streaming)
        {
            yield return new FuncEvent(FuncEventKind.RunStarted, Id);
            await foreach (var hookEvent in hooks.StreamPreHooksAsync())
            {
                if (Event(hookEvent) is { } runEvent)
                {
                    yield return runEvent;
                }
            }
        }
        else
        {
            await hooks.ExecutePreHooksAsync();
        }

        if (hooks.IsRejected)
        {
            yield return await FinishAsync(hooks, output, cancellationToken);
            yield break;
        }

        try
        {
            output.Content = await AnswerAsync(input.Content, hooks, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            output.Status = RunStatus.Error;
            output.ErrorType = "func_error";
            output.Content = exception.Message;
        }

        if (output.Status == RunStatus.Error)
        {
            // A failure is not a rejection: the background work of hooks that already ran still goes.
            yield return await FinishAsync(hooks, output, cancellationToken);
            yield break;
        }

        if (streaming)
        {
            yield return new FuncEvent(FuncEventKind.RunContent, Id, Content: output.Content);
            await foreach (var hookEvent in hooks.StreamPostHooksAsync(output))
            {
                if (Event(hookEvent) is { } runEvent)
                {
                    yield return runEvent;
                }
            }
        }
        else
        {
            await hooks.ExecutePostHooksAsync(output);
        }

        if (!hooks.IsRejected)
        {
            output.Status = RunStatus.Completed;
        }

        yield return await FinishAsync(hooks, output, cancellationToken);
    }

    // Completes even a rejected run: CompleteAsync then hands nothing over.
    private async ValueTask<FuncEvent> FinishAsync(HookRun hooks, RunOutput output, CancellationToken cancellationToken)
    {
        if (hooks.IsRejected)
        {
            hooks.ApplyRejection(output);
        }

        await hooks.CompleteAsync(cancellationToken);
        return new FuncEvent(output.Status == RunStatus.Completed ? FuncEventKind.RunCompleted : FuncEventKind.RunError, Id, Content: output.Content, Output: output);
    }

    private FuncEvent? Event(HookEvent hookEvent) => (hookEvent.Kind, hookEvent.Stage) switch
    {
        (HookEventKind.Started, HookStage.Pre) => new FuncEvent(FuncEventKind.PreHookStarted, Id, hookEvent.Hook.Name),
        (HookEventKind.Completed, HookStage.Pre) => new FuncEvent(FuncEventKind.PreHookCompleted, Id, hookEvent.Hook.Name),
        (HookEventKind.Started, HookStage.Post) => new FuncEvent(FuncEventKind.PostHookStarted, Id, hookEvent.Hook.Name),
        (HookEventKind.Completed, HookStage.Post) => new FuncEvent(FuncEventKind.PostHookCompleted, Id, hookEvent.Hook.Name),

        // A failure is logged by the pipeline; a rejection ends the run with RunError.
        _ => null,
    };
}

/// <summary>An "agent" that is a plain function of the input.</summary>
public sealed class FuncAgent(string id, Func<string, CancellationToken, Task<string>> answer, HookPipeline pipeline, IServiceProvider? services = null)
    : FuncOwner(id, pipeline, services)
{
    protected override Task<string> AnswerAsync(string content, HookRun run, CancellationToken cancellationToken) => answer(content, cancellationToken);
}

/// <summary>Runs its children one after the other, each on the previous one's answer, nested in its own run.</summary>
public sealed class FuncChain(string id, IReadOnlyList<FuncOwner> children, HookPipeline pipeline, IServiceProvider? services = null)
    : FuncOwner(id, pipeline, services)
{
    public override IEnumerable<IHookOwner> Children => children;

    /// <summary>The children's outputs of the last run, in order.</summary>
    public List<RunOutput> ChildOutputs { get; } = [];

    /// <summary>How many background executions the last run held once its children had completed: theirs joined it.</summary>
    public int PendingAfterChildren { get; private set; }

    protected override async Task<string> AnswerAsync(string content, HookRun run, CancellationToken cancellationToken)
    {
        ChildOutputs.Clear();
        foreach (var child in children)
        {
            var output = await child.RunAsync(content, new FuncRunOptions { Parent = run }, cancellationToken);
            ChildOutputs.Add(output);
            PendingAfterChildren = run.PendingBackgroundCount;
            if (output.Status != RunStatus.Completed)
            {
                throw new InvalidOperationException($"Child '{child.Id}' failed: {output.Content}");
            }

            content = output.Content!;
        }

        PendingAfterChildren = run.PendingBackgroundCount;
        return content;
    }
}
