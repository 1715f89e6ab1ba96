using Microsoft.Extensions.AI;

namespace Agno.Hooks.Conformance;

/// <summary>
/// An owner run through <c>RunAsync</c>/<c>RunStreamingAsync</c> with Agno's output and events (our Agent, Team and
/// Workflow, a custom owner): its caller reads the status, and a rejection from the error fields.
/// </summary>
public sealed class RunnableUnderTest(
    IHookOwner owner,
    Func<string, CancellationToken, Task<RunOutput>> run,
    Func<string, CancellationToken, IAsyncEnumerable<RunEvent>> runStreaming,
    bool streamsOwnContent = true,
    Action<AITool>? addTool = null) : OwnerUnderTest
{
    public override IHookOwner Owner => owner;

    public override void AddTool(AITool tool)
    {
        if (addTool is null)
        {
            base.AddTool(tool);
            return;
        }

        addTool(tool);
    }

    public override bool StreamsOwnContent => streamsOwnContent;

    public override async Task<RunResult> RunAsync(string message, bool streamed, CancellationToken cancellationToken = default)
    {
        RunOutput? output = null;
        if (streamed)
        {
            await foreach (var runEvent in runStreaming(message, cancellationToken))
            {
                var own = ReferenceEquals(runEvent.Owner, owner);
                if (own && runEvent.Kind is RunEventKind.RunCompleted or RunEventKind.RunError)
                {
                    output = runEvent.Output;
                }

                if (runEvent.Content is { } text && !(own && runEvent.Kind == RunEventKind.RunError))
                {
                    Received.Add(text);
                }

                // A workflow's answer streams as its steps' content.
                if (runEvent.Kind == RunEventKind.RunContent && (own || !streamsOwnContent))
                {
                    Deltas.Add(runEvent.Content!);
                }
            }
        }
        else
        {
            output = await run(message, cancellationToken);
        }

        output.ShouldNotBeNull();
        return output.Status == RunStatus.Completed
            ? new RunResult(RunResultKind.Completed, output.Content)
            : new RunResult(HookRejection.From(output) is null ? RunResultKind.Failed : RunResultKind.Rejected, output.Content);
    }
}
