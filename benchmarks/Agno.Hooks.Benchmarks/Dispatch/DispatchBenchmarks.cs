using System.Reflection;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Microsoft.Extensions.DependencyInjection;

namespace Agno.Hooks.Benchmarks.Dispatch;

/// <summary>
/// One hook invoked five ways, per shape (sync/async, 1/4 parameters): a direct call (the baseline), the
/// generated dispatcher, a reflection runtime that binds per call, a cached compiled expression tree, and
/// <see cref="Delegate.DynamicInvoke"/>. Goals: generated ≤ 1.5× direct and 0 B for sync hooks; reflection ≥ 20× generated.
/// Every variant of a shape hands the harness the same kind of result, so none pays for consuming a
/// different one: for sync hooks whether the call completed (a direct call always has), for async hooks the
/// <see cref="ValueTask"/> to await.
/// For a sync hook, "Generated dispatcher" is what the pipeline calls: the descriptor's
/// <see cref="HookDescriptor.InvokeSynchronously"/>, read from the descriptor as the pipeline reads it from the hook
/// list; its <see cref="HookDescriptor.Invoke"/> (the <see cref="ValueTask"/> form every hook has) is measured beside it.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class DispatchBenchmarks
{
    private readonly CancellationTokenSource _cancellation = new();
    private HookContext _context = null!;
    private HookDescriptor _one = null!;
    private HookDescriptor _four = null!;
    private HookDescriptor _oneAsync = null!;
    private HookDescriptor _fourAsync = null!;
    private Alternatives _sync1 = null!;
    private Alternatives _sync4 = null!;
    private Alternatives _async1 = null!;
    private Alternatives _async4 = null!;

    [GlobalSetup]
    public void Setup()
    {
        var run = new RunContext("run-1", "session-1");
        var services = new ServiceCollection().BuildServiceProvider();
        _context = new HookContext(HookStage.Pre, new Agent("bench-agent") { Model = new OfflineChatClient() }, run, new RunInput("Hello, hooks"), null, services, _cancellation.Token);
        _one = DispatchHooks.OneHook;
        _four = DispatchHooks.FourHook;
        _oneAsync = DispatchHooks.OneAsyncHook;
        _fourAsync = DispatchHooks.FourAsyncHook;
        _sync1 = Alternatives.For(nameof(DispatchHooks.One));
        _sync4 = Alternatives.For(nameof(DispatchHooks.Four));
        _async1 = Alternatives.For(nameof(DispatchHooks.OneAsync));
        _async4 = Alternatives.For(nameof(DispatchHooks.FourAsync));
    }

    // Sync, 1 parameter.
    [Benchmark(Baseline = true, Description = "Direct call"), BenchmarkCategory("Sync, 1 parameter")]
    public bool Sync1Direct()
    {
        DispatchHooks.One(_context.Input);
        return true;
    }

    [Benchmark(Description = "Generated dispatcher"), BenchmarkCategory("Sync, 1 parameter")]
    public bool Sync1Generated()
    {
        _one.InvokeSynchronously!(_context);
        return true;
    }

    [Benchmark(Description = "Generated HookInvoker (ValueTask)"), BenchmarkCategory("Sync, 1 parameter")]
    public bool Sync1GeneratedValueTask() => _one.Invoke(_context).IsCompletedSuccessfully;

    [Benchmark(Description = "Reflection runtime (bind per call)"), BenchmarkCategory("Sync, 1 parameter")]
    public bool Sync1Reflection() => _sync1.Reflection.Invoke(_context).IsCompletedSuccessfully;

    [Benchmark(Description = "Compiled expression (cached)"), BenchmarkCategory("Sync, 1 parameter")]
    public bool Sync1Expression() => _sync1.Expression(_context).IsCompletedSuccessfully;

    [Benchmark(Description = "Delegate.DynamicInvoke"), BenchmarkCategory("Sync, 1 parameter")]
    public bool Sync1DynamicInvoke() => _sync1.DynamicInvoke.Invoke(_context).IsCompletedSuccessfully;

    // Sync, 4 parameters.
    [Benchmark(Baseline = true, Description = "Direct call"), BenchmarkCategory("Sync, 4 parameters")]
    public bool Sync4Direct()
    {
        DispatchHooks.Four(_context.Input, _context.Run, (Agent)_context.Owner, _context.CancellationToken);
        return true;
    }

    [Benchmark(Description = "Generated dispatcher"), BenchmarkCategory("Sync, 4 parameters")]
    public bool Sync4Generated()
    {
        _four.InvokeSynchronously!(_context);
        return true;
    }

    [Benchmark(Description = "Generated HookInvoker (ValueTask)"), BenchmarkCategory("Sync, 4 parameters")]
    public bool Sync4GeneratedValueTask() => _four.Invoke(_context).IsCompletedSuccessfully;

    [Benchmark(Description = "Reflection runtime (bind per call)"), BenchmarkCategory("Sync, 4 parameters")]
    public bool Sync4Reflection() => _sync4.Reflection.Invoke(_context).IsCompletedSuccessfully;

    [Benchmark(Description = "Compiled expression (cached)"), BenchmarkCategory("Sync, 4 parameters")]
    public bool Sync4Expression() => _sync4.Expression(_context).IsCompletedSuccessfully;

    [Benchmark(Description = "Delegate.DynamicInvoke"), BenchmarkCategory("Sync, 4 parameters")]
    public bool Sync4DynamicInvoke() => _sync4.DynamicInvoke.Invoke(_context).IsCompletedSuccessfully;

    // Async (a completed Task), 1 parameter.
    [Benchmark(Baseline = true, Description = "Direct call"), BenchmarkCategory("Async, 1 parameter")]
    public ValueTask Async1Direct() => new(DispatchHooks.OneAsync(_context.Input));

    [Benchmark(Description = "Generated dispatcher"), BenchmarkCategory("Async, 1 parameter")]
    public ValueTask Async1Generated() => _oneAsync.Invoke(_context);

    [Benchmark(Description = "Reflection runtime (bind per call)"), BenchmarkCategory("Async, 1 parameter")]
    public ValueTask Async1Reflection() => _async1.Reflection.Invoke(_context);

    [Benchmark(Description = "Compiled expression (cached)"), BenchmarkCategory("Async, 1 parameter")]
    public ValueTask Async1Expression() => _async1.Expression(_context);

    [Benchmark(Description = "Delegate.DynamicInvoke"), BenchmarkCategory("Async, 1 parameter")]
    public ValueTask Async1DynamicInvoke() => _async1.DynamicInvoke.Invoke(_context);

    // Async (a completed Task), 4 parameters.
    [Benchmark(Baseline = true, Description = "Direct call"), BenchmarkCategory("Async, 4 parameters")]
    public ValueTask Async4Direct() => new(DispatchHooks.FourAsync(_context.Input, _context.Run, (Agent)_context.Owner, _context.CancellationToken));

    [Benchmark(Description = "Generated dispatcher"), BenchmarkCategory("Async, 4 parameters")]
    public ValueTask Async4Generated() => _fourAsync.Invoke(_context);

    [Benchmark(Description = "Reflection runtime (bind per call)"), BenchmarkCategory("Async, 4 parameters")]
    public ValueTask Async4Reflection() => _async4.Reflection.Invoke(_context);

    [Benchmark(Description = "Compiled expression (cached)"), BenchmarkCategory("Async, 4 parameters")]
    public ValueTask Async4Expression() => _async4.Expression(_context);

    [Benchmark(Description = "Delegate.DynamicInvoke"), BenchmarkCategory("Async, 4 parameters")]
    public ValueTask Async4DynamicInvoke() => _async4.DynamicInvoke.Invoke(_context);

    [GlobalCleanup]
    public void Cleanup() => _cancellation.Dispose();

    private sealed record Alternatives(ReflectionHookRuntime Reflection, HookInvoker Expression, DynamicInvokeDispatcher DynamicInvoke)
    {
        public static Alternatives For(string hook)
        {
            var method = typeof(DispatchHooks).GetMethod(hook, BindingFlags.Public | BindingFlags.Static)!;
            return new(new ReflectionHookRuntime(method), CompiledExpressionDispatcher.Compile(method), new DynamicInvokeDispatcher(method));
        }
    }
}
