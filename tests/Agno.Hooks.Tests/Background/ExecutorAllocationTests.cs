using Agno.Hooks.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Agno.Hooks.Tests.Background;

/// <summary>
/// Run alone: a trace listener another test adds would make every execution allocate its span, which is fine there
/// and would be counted here.
/// </summary>
[CollectionDefinition(nameof(ExecutorAllocationTests), DisableParallelization = true)]
public sealed class ExecutorAllocationCollection;

/// <summary>
/// What the executor itself allocates per execution of a synchronous hook, observed (issue 16: at most 128 B). The
/// work item is the caller's, made before counting. Counted on the worker's thread, as a worker runs executions:
/// one after the other with one reused cancellation.
/// </summary>
[Collection(nameof(ExecutorAllocationTests))]
public sealed class ExecutorAllocationTests
{
    private const int Executions = 2_000;

    /// <summary>
    /// 128 B, the goal, for an optimized build of Agno.Hooks (what ships, and what the benchmark measures: 88 B). In a
    /// Debug build the compiler makes every async method's state machine a class, boxed on each call even when it
    /// completes synchronously (336 B more here), so there the bound is the goal plus that box: it still catches the
    /// per-execution sources, task and record this budget removed (~550 B more).
    /// </summary>
    private static readonly int Budget = IsOptimized(typeof(BackgroundHookInvoker).Assembly) ? 128 : 128 + 352;

    [Fact]
    public async Task A_synchronous_hook_costs_the_executor_at_most_128_bytes_per_execution_with_an_observer_listening()
    {
        var observer = new CountingObserver();
        await using var services = new ServiceCollection().BuildServiceProvider();
        var invoker = new BackgroundHookInvoker(Options.Create(new AgnoHooksOptions()), services.GetRequiredService<IServiceScopeFactory>(), observers: [observer]);
        var hook = new HookDescriptor("noop", _ => default, [TestHooks.InputParameter]);
        var context = new HookContext(HookStage.Pre, new Agent("allocation-test"), new RunContext("run-1", "session-1"), new RunInput("Hi"), null, EmptyServiceProvider.Instance, CancellationToken.None);
        var items = new BackgroundHookWorkItem[2 * Executions];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = new BackgroundHookWorkItem(hook, context);
        }

        using var deadline = new CancellationTokenSource();
        using var cancellation = invoker.CreateCancellation(deadline.Token);
        var synchronous = 0;

        // Synchronous, on this thread, so that its allocation counter sees everything; the first half warms up.
        long allocated = 0;
        for (var i = 0; i < items.Length; i++)
        {
            if (i == Executions)
            {
                allocated = GC.GetAllocatedBytesForCurrentThread();
            }

            synchronous += invoker.RunAsync(items[i], cancellation).IsCompletedSuccessfully ? 1 : 0;
        }

        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;

        synchronous.ShouldBe(items.Length);
        observer.Count.ShouldBe(items.Length, "every execution completed, and was observed");
        (allocated / (double)Executions).ShouldBeLessThanOrEqualTo(Budget);
    }

    private static bool IsOptimized(System.Reflection.Assembly assembly) =>
        System.Reflection.CustomAttributeExtensions.GetCustomAttribute<System.Diagnostics.DebuggableAttribute>(assembly) is not { IsJITOptimizerDisabled: true };

    private sealed class CountingObserver : IBackgroundHookObserver
    {
        public int Count { get; private set; }

        public void OnExecuted(BackgroundHookResult execution) => Count += execution.Status == BackgroundHookStatus.Completed ? 1 : 0;
    }
}
