namespace Agno.Hooks;

/// <summary>
/// An owner's own work in a run, between its pre-hooks and its post-hooks: what <see cref="HookPipeline.RunAsync"/> and
/// <see cref="HookPipeline.RunStreamingAsync"/> call. It reads <see cref="HookRun.Input"/> as the pre-hooks left it and
/// sets <see cref="HookRun.Output"/>'s content (and usage), or marks the run failed with <see cref="HookRun.Fail"/>.
/// </summary>
/// <remarks>
/// One object may serve every run of an owner (keep per-run state in the run), or a caller may make one per run. An
/// exception other than the run's cancellation fails the run (<c>run_error</c>) and is logged: catch your own to say more.
/// </remarks>
public abstract class RunWork
{
    /// <summary>
    /// The run's output, made when the run starts, before any hook runs: a plain <see cref="RunOutput"/> of the run's
    /// owner by default; override it for an output of your own kind, or to name the model from the start.
    /// </summary>
    public virtual RunOutput CreateOutput(HookRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return new RunOutput(run.Run, run.Owner, run.Pipeline.Time.GetUtcNow()) { Input = run.Input };
    }

    /// <summary>The work when the caller wants no events. By default, <see cref="ExecuteStreamingAsync"/> with its events dropped.</summary>
    public virtual ValueTask ExecuteAsync(HookRun run) => DrainAsync(ExecuteStreamingAsync(run));

    /// <summary>
    /// The work, yielding its own events (made with <see cref="HookRun.Event"/>) when <see cref="HookRun.IsStreaming"/>:
    /// <see cref="RunEventKind.RunContent"/> per content delta, then <see cref="RunEventKind.RunContentCompleted"/>, and
    /// the events of runs nested in it. The driver adds the run's start, hook, completion and error events.
    /// </summary>
    public abstract IAsyncEnumerable<RunEvent> ExecuteStreamingAsync(HookRun run);

    /// <summary>
    /// The items of <paramref name="source"/> (an inner client's or agent's stream) until it ends or fails: a failure other
    /// than the run's cancellation goes to <paramref name="failed"/> and ends the sequence, so the work can fail the run
    /// instead of throwing out of the driver.
    /// </summary>
    protected internal static async IAsyncEnumerable<T> UntilFailureAsync<T>(IAsyncEnumerable<T> source, HookRun run, Action<HookRun, Exception> failed)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(failed);
        var items = source.GetAsyncEnumerator(run.CancellationToken);
        try
        {
            while (true)
            {
                try
                {
                    if (!await items.MoveNextAsync().ConfigureAwait(false))
                    {
                        yield break;
                    }
                }
                catch (Exception exception) when (exception is not OperationCanceledException || !run.CancellationToken.IsCancellationRequested)
                {
                    failed(run, exception);
                    yield break;
                }

                yield return items.Current;
            }
        }
        finally
        {
            await items.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Runs a work's events through, dropping them: its not-streamed form.</summary>
    internal static async ValueTask DrainAsync(IAsyncEnumerable<RunEvent> events)
    {
        await foreach (var _ in events.ConfigureAwait(false))
        {
        }
    }

    /// <summary>A work that answers with <paramref name="answer"/>'s text: one content event when streamed.</summary>
    public static RunWork FromAnswer(Func<HookRun, ValueTask<string>> answer) => new AnswerWork(answer ?? throw new ArgumentNullException(nameof(answer)));

    private sealed class AnswerWork(Func<HookRun, ValueTask<string>> answer) : RunWork
    {
        public override async ValueTask ExecuteAsync(HookRun run)
        {
            var content = await answer(run).ConfigureAwait(false);
            if (run.Output.Status != RunStatus.Error)
            {
                run.Output.Content = content;
            }
        }

        public override async IAsyncEnumerable<RunEvent> ExecuteStreamingAsync(HookRun run)
        {
            await ExecuteAsync(run).ConfigureAwait(false);
            if (run.Output.Status == RunStatus.Error)
            {
                yield break;
            }

            yield return run.Event(RunEventKind.RunContent, run.Output.Content);
        }
    }
}
