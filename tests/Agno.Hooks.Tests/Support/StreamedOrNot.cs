namespace Agno.Hooks.Tests.Support;

/// <summary>Runs an agent either way a caller can, so one test checks both ends alike: the output, and the events when streamed.</summary>
internal static class StreamedOrNot
{
    public static async Task<(RunOutput Output, List<RunEvent> Events)> RunAsync(Agent agent, string message, bool streamed, RunOptions? options = null)
    {
        if (!streamed)
        {
            return (await agent.RunAsync(message, options), []);
        }

        var events = new List<RunEvent>();
        await foreach (var runEvent in agent.RunStreamingAsync(message, options))
        {
            events.Add(runEvent);
        }

        return (events[^1].Output!, events);
    }
}
