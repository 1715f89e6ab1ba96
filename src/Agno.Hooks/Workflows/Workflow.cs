using System.Text;
using Microsoft.Extensions.Logging;

namespace Agno.Hooks;

/// <summary>
/// A workflow: its own pre-hooks (which Agno lacks), then its steps in order, each seeing the previous
/// step's output, then its post-hooks. Step agents' and teams' hooks run as usual, and the global
/// background setting reaches them too. A failing step fails the workflow.
/// </summary>
public sealed partial class Workflow : Runnable
{
    public Workflow(string id)
        : base(id)
    {
    }

    public List<WorkflowStep> Steps { get; } = [];

    public override HookOwnerKind Kind => HookOwnerKind.Workflow;

    public override IEnumerable<IHookOwner> Children => Steps.SelectMany(step => step.Runnables);

    private protected override RunOutput CreateOutput(HookRun run) => new WorkflowRunOutput(run.Run, this, run.Pipeline.Time.GetUtcNow());

    private protected override async IAsyncEnumerable<RunEvent> ExecuteStreamingAsync(HookRun scope)
    {
        var output = (WorkflowRunOutput)scope.Output;
        var results = new Dictionary<string, StepResult>(StringComparer.Ordinal);
        string? previous = null;
        foreach (var step in Steps)
        {
            if (scope.IsStreaming)
            {
                yield return scope.Event(RunEventKind.StepStarted, stepName: step.Name);
            }

            var outcome = new StepOutcome();
            await foreach (var stepEvent in RunStepAsync(scope, step, previous, results, outcome))
            {
                yield return stepEvent;
            }

            var result = outcome.Result!;
            results[step.Name] = result;
            output.StepResults.Add(result);
            AddStepUsage(output.Metrics, result);
            if (result.Status == RunStatus.Error)
            {
                scope.Fail("step_error", $"Step '{step.Name}' failed: {result.Error}");
                yield break;
            }

            previous = result.Content;
            if (scope.IsStreaming)
            {
                yield return scope.Event(RunEventKind.StepCompleted, content: result.Content, stepName: step.Name);
            }
        }

        output.Content = previous;
    }

    private async IAsyncEnumerable<RunEvent> RunStepAsync(HookRun scope, WorkflowStep step, string? previous, IReadOnlyDictionary<string, StepResult> results, StepOutcome outcome)
    {
        switch (step)
        {
            case RunnableStep runnableStep:
                RunOutput? last = null;
                await foreach (var nested in NestedRuns.RunAsync(scope, runnableStep.Target, previous ?? scope.Input.Content).ConfigureAwait(false))
                {
                    last = nested.Output;
                    if (scope.IsStreaming)
                    {
                        yield return nested;
                    }
                }

                outcome.Result = new StepResult
                {
                    StepName = step.Name,
                    Content = last!.Content,
                    Status = last.Status,
                    Error = last.Status == RunStatus.Error ? last.Content : null,
                    Output = last,
                };
                break;

            case FunctionStep functionStep:
                var input = new StepInput { Message = scope.Input.Content, PreviousContent = previous, PreviousResults = results.ToDictionary(StringComparer.Ordinal), Run = scope.Run };
                try
                {
                    var stepOutput = await functionStep.Body(input, scope.CancellationToken).ConfigureAwait(false);
                    outcome.Result = new StepResult { StepName = step.Name, Content = stepOutput.Content, Status = RunStatus.Completed };
                }
                catch (Exception exception) when (exception is not OperationCanceledException || !scope.CancellationToken.IsCancellationRequested)
                {
                    LogStepFailed(scope.Pipeline.Logger, exception, step.Name, Id, scope.Run.RunId);
                    outcome.Result = new StepResult { StepName = step.Name, Status = RunStatus.Error, Error = exception.Message };
                }

                break;

            case ParallelStep parallel:
                // The parts run at the same time; their events follow in declaration order once all have ended.
                var parts = parallel.Steps.Select(async part =>
                {
                    var partOutcome = new StepOutcome();
                    var events = new List<RunEvent>();
                    await foreach (var partEvent in RunStepAsync(scope, part, previous, results, partOutcome).ConfigureAwait(false))
                    {
                        events.Add(partEvent);
                    }

                    return (Events: events, Result: partOutcome.Result!);
                }).ToArray();
                var finished = await Task.WhenAll(parts).ConfigureAwait(false);
                foreach (var part in finished)
                {
                    foreach (var partEvent in part.Events)
                    {
                        yield return partEvent;
                    }
                }

                var failed = finished.Select(p => p.Result).FirstOrDefault(r => r.Status == RunStatus.Error);
                outcome.Result = new StepResult
                {
                    StepName = step.Name,
                    Content = Join(finished.Select(p => p.Result)),
                    Status = failed is null ? RunStatus.Completed : RunStatus.Error,
                    Error = failed is null ? null : $"step '{failed.StepName}' failed: {failed.Error}",
                    Steps = [.. finished.Select(p => p.Result)],
                };
                break;
        }
    }

    /// <summary>A step's token counts join the workflow's, as a team's members' join the team's.</summary>
    private static void AddStepUsage(RunMetrics metrics, StepResult result)
    {
        if (result.Output is { Metrics: var step })
        {
            metrics.InputTokens += step.InputTokens;
            metrics.OutputTokens += step.OutputTokens;
            metrics.TotalTokens += step.TotalTokens;
        }

        foreach (var part in result.Steps)
        {
            AddStepUsage(metrics, part);
        }
    }

    private static string Join(IEnumerable<StepResult> parts)
    {
        var joined = new StringBuilder();
        foreach (var part in parts)
        {
            if (joined.Length > 0)
            {
                joined.Append("\n\n");
            }

            joined.Append("## ").Append(part.StepName).Append('\n').Append(part.Content);
        }

        return joined.ToString();
    }

    /// <summary>Carries a step's result out of an iterator, which can't have out parameters.</summary>
    private sealed class StepOutcome
    {
        public StepResult? Result { get; set; }
    }

    [LoggerMessage(LogEvents.WorkflowStepFailed, LogLevel.Error, "Step '{StepName}' of workflow '{WorkflowId}' failed in run '{RunId}'.")]
    private static partial void LogStepFailed(ILogger logger, Exception exception, string stepName, string workflowId, string runId);
}
