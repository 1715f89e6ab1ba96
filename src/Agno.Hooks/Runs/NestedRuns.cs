namespace Agno.Hooks;

/// <summary>Runs an owner inside another's run (a team member, a workflow step), through its public run methods.</summary>
internal static class NestedRuns
{
    /// <summary>
    /// Runs <paramref name="member"/> nested in <paramref name="parent"/> (<see cref="HookRun.Nested"/>): streamed, its
    /// events as they come; otherwise one last event that carries its output.
    /// </summary>
    public static async IAsyncEnumerable<RunEvent> RunAsync(HookRun parent, Runnable member, string message)
    {
        if (parent.IsStreaming)
        {
            await foreach (var memberEvent in member.RunStreamingAsync(message, parent.Nested(), parent.CancellationToken).ConfigureAwait(false))
            {
                yield return memberEvent;
            }

            yield break;
        }

        var output = await member.RunAsync(message, parent.Nested(), parent.CancellationToken).ConfigureAwait(false);
        yield return new RunEvent
        {
            Kind = output.Status == RunStatus.Completed ? RunEventKind.RunCompleted : RunEventKind.RunError,
            CreatedAt = parent.Pipeline.Time.GetUtcNow(),
            Owner = member,
            RunId = output.RunId,
            SessionId = output.SessionId,
            NestedDepth = parent.Options.NestedDepth + 1,
            Content = output.Content,
            Output = output,
        };
    }
}
