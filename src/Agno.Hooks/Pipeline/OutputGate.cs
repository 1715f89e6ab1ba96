using System.Text;

namespace Agno.Hooks;

/// <summary>
/// What of a streamed run's own answer may go out: nothing any output guardrail of the run has not seen. When every
/// output guardrail checks incrementally (<see cref="IStreamingOutputGuardrail"/>) the answer goes through their checks in
/// order and out as they settle it; otherwise the whole answer is held until the post stage has passed it.
/// </summary>
/// <remarks>
/// Either way the post stage then runs every guardrail's hook on the complete answer, as for a run not streamed, and
/// <see cref="Reconcile"/> lets out what the final answer adds to what went out: nothing, when the checks were exact.
/// </remarks>
internal sealed class OutputGate
{
    private readonly HookRun _run;
    private readonly HookDescriptor[] _hooks;

    // Null: the answer is held whole.
    private OutputStreamCheck[]? _checks;
    private StringBuilder? _released;

    private OutputGate(HookRun run, HookDescriptor[] hooks, OutputStreamCheck[]? checks)
    {
        _run = run;
        _hooks = hooks;
        _checks = checks;
    }

    /// <summary>Whether any of the run's own content reached the gate.</summary>
    public bool SawContent { get; private set; }

    /// <summary>Whether the answer is held until the post stage has run.</summary>
    public bool HoldsWhole => _checks is null;

    /// <summary>The run's gate; null when it has no output guardrail (its answer then goes out as it comes).</summary>
    public static OutputGate? Open(HookRun run)
    {
        var hooks = run.OutputGuardrails();
        if (hooks.Length == 0)
        {
            return null;
        }

        var context = run.PostContext();
        var checks = new OutputStreamCheck[hooks.Length];
        for (var i = 0; i < hooks.Length; i++)
        {
            try
            {
                if (hooks[i].StreamingGuardrail(context.Services) is { } guardrail && guardrail.StartStreamCheck(context) is { } check)
                {
                    checks[i] = check;
                    continue;
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !run.CancellationToken.IsCancellationRequested)
            {
                // Its hook will tell the same in the post stage; until then, the safe default.
                run.StreamCheckFailed(hooks[i], exception);
            }

            return new OutputGate(run, hooks, checks: null);
        }

        return new OutputGate(run, hooks, checks);
    }

    /// <summary>
    /// The checked text of the answer's next piece that may go out now (often empty); null when a check rejected the run.
    /// </summary>
    public string? Pass(string text)
    {
        SawContent = true;
        return Through(text, complete: false);
    }

    /// <summary>The answer's content is complete: the checks' final decision on what they hold; null when one rejected the run.</summary>
    public string? Complete() => Through(string.Empty, complete: true);

    /// <summary>
    /// After the post stage: what the final answer adds to what went out, or empty. Nothing when the run failed or was
    /// rejected, or when what went out is not the start of the final answer (a non-guardrail post-hook rewrote it:
    /// the run's completion event carries the answer).
    /// </summary>
    public string Reconcile()
    {
        var output = _run.Output;
        if (!SawContent || output.Status == RunStatus.Error || _run.IsRejected || output.Content is not { } final)
        {
            return string.Empty;
        }

        var released = _released?.ToString() ?? string.Empty;
        return final.Length > released.Length && final.StartsWith(released, StringComparison.Ordinal) ? final[released.Length..] : string.Empty;
    }

    private string? Through(string text, bool complete)
    {
        if (_checks is not { } checks)
        {
            return string.Empty;
        }

        for (var i = 0; i < checks.Length; i++)
        {
            try
            {
                // Each check sees what the checks before it let out, as the hooks run one after another.
                var passed = checks[i].Append(text);
                text = complete ? passed + checks[i].Complete() : passed;
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !_run.CancellationToken.IsCancellationRequested)
            {
                _run.StreamCheckFailed(_hooks[i], exception);
                if (_run.IsRejected)
                {
                    return null;
                }

                // A check that failed otherwise can't be trusted with the rest: hold it for the post stage.
                _checks = null;
                return string.Empty;
            }

            if (text.Length == 0 && !complete)
            {
                return string.Empty;
            }
        }

        if (text.Length > 0)
        {
            (_released ??= new StringBuilder()).Append(text);
        }

        return text;
    }
}
