using Microsoft.Extensions.AI;

namespace Agno.Hooks.Benchmarks.ToolHooks;

/// <summary>What the tool and model hook suites share: the run every variant makes, and the check that each variant made it.</summary>
public static class ToolRuns
{
    public const string Message = "Look the answer up";

    /// <summary>An <see cref="Agent"/> on <paramref name="model"/> with <paramref name="tool"/>, and <paramref name="layers"/> times <paramref name="hook"/> in one of its lists.</summary>
    public static Agent Agent(IChatClient model, AITool tool, int layers, Func<Agent, HookList>? hooks = null, HookDescriptor? hook = null)
    {
        var agent = new Agent("bench-agent") { Model = model, Tools = { tool } };
        for (var i = 0; i < layers; i++)
        {
            hooks!(agent).Add(hook!);
        }

        return agent;
    }

    /// <summary>
    /// Fails the case unless every variant answered after exactly one call of the tool and two requests to the model, and
    /// each of its layers ran once per call (tool layers) or per request (model layers).
    /// </summary>
    public static async Task VerifyAsync(ToolCallingChatClient model, LookupTool tool, int layers, params (string Name, Func<Task<string?>> Run, int LayerRunsPerOperation)[] variants)
    {
        foreach (var (name, run, layerRuns) in variants)
        {
            var (invocations, requests, calls) = (tool.Invocations, model.Requests, CountingLayers.Calls);
            var answer = await run();
            var seen = (Answer: answer, Tool: tool.Invocations - invocations, Model: model.Requests - requests, Layers: CountingLayers.Calls - calls);
            var expected = (Answer: (string?)ToolCallingChatClient.Answer, Tool: 1L, Model: 2L, Layers: (long)layerRuns * layers);
            if (seen != expected)
            {
                throw new InvalidOperationException($"{name} at {layers} layers: expected {expected}, saw {seen}.");
            }
        }
    }

    /// <summary>The run's answer, once its one tool call is on record.</summary>
    public static string? Completed(RunOutput output) =>
        output.Status == RunStatus.Completed && output.Tools.Count == 1 ? output.Content : $"{output.Status}, {output.Tools.Count} tool calls: {output.Content}";
}
