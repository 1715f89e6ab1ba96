using Microsoft.Extensions.AI;

namespace Agno.Hooks.Tests.Tools;

/// <summary>
/// Run alone: a trace listener another test adds would make every hook allocate its span, which is fine there and would
/// be counted here.
/// </summary>
[CollectionDefinition(nameof(CallHookAllocationTests), DisableParallelization = true)]
public sealed class CallHookAllocationCollection;

/// <summary>
/// A synchronous hook before or after a tool call, or before a model request, allocates nothing of its own (issue 22: 0 B
/// per hook): a run with five of them allocates what a run with one does. Counted on this thread, over runs that complete
/// synchronously on the offline model.
/// </summary>
[Collection(nameof(CallHookAllocationTests))]
public sealed class CallHookAllocationTests
{
    private const int Runs = 500;

    private static readonly HookParameter CallParameter = new("call", HookParameterKind.ToolCall, typeof(ToolCall));
    private static readonly HookParameter RequestParameter = new("request", HookParameterKind.ModelRequest, typeof(ModelRequest));

    private int _hookRuns;

    [Theory]
    [InlineData(HookStage.PreToolCall)]
    [InlineData(HookStage.PostToolCall)]
    [InlineData(HookStage.PreModelCall)]
    public async Task Four_more_synchronous_hooks_at_a_call_allocate_nothing_more(HookStage stage)
    {
        var one = await AllocatedPerRunAsync(stage, hooks: 1);
        var five = await AllocatedPerRunAsync(stage, hooks: 5);

        // A hook context per hook would be ~100 B a hook; a byte a run is left for what the runs amortize (id blocks).
        (five - one).ShouldBeLessThan(1.0, $"a run allocated {one:N1} B with one hook and {five:N1} B with five");
    }

    private async Task<double> AllocatedPerRunAsync(HookStage stage, int hooks)
    {
        var agent = new Agent("allocation-test")
        {
            Model = new OfflineChatClient(),
            Tools = { AIFunctionFactory.Create((string city) => "Sunny", "get_weather") },
        };
        var list = stage switch
        {
            HookStage.PreToolCall => agent.PreToolHooks,
            HookStage.PostToolCall => agent.PostToolHooks,
            _ => agent.PreModelHooks,
        };
        HookDescriptor hook = stage == HookStage.PreModelCall
            ? new("count", [RequestParameter], context => _hookRuns += context.RequiredModelRequest.Messages.Count > 0 ? 1 : 0)
            : new("count", [CallParameter], context => _hookRuns += context.RequiredToolCall.Name.Length > 0 ? 1 : 0);
        for (var i = 0; i < hooks; i++)
        {
            list.Add(hook);
        }

        // The first half warms up (first calls, caches); the second is counted.
        long allocated = 0;
        _hookRuns = 0;
        for (var i = 0; i < 2 * Runs; i++)
        {
            if (i == Runs)
            {
                allocated = GC.GetAllocatedBytesForCurrentThread();
            }

            var run = agent.RunAsync("get_weather city=Paris");
            run.IsCompletedSuccessfully.ShouldBeTrue("the run completed on this thread, so its allocations were all counted");
            (await run).Tools.Count.ShouldBe(1);
        }

        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        var requestsPerRun = stage == HookStage.PreModelCall ? 2 : 1;
        _hookRuns.ShouldBe(2 * Runs * hooks * requestsPerRun, "every hook ran at every call");
        return allocated / (double)Runs;
    }
}
