using System.Collections.Concurrent;
using Agno.Hooks.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Agno.Hooks.CustomOwner.Tests.Support;

/// <summary>
/// The hook runtime in a service provider, with fake logging, a recorder of finished background executions, this
/// assembly's generated hooks, and the JSON round trip in front of the executor: every execution a run queues runs
/// restored from data, its hook found by name and its owner by kind and id.
/// </summary>
internal sealed class CustomOwnerHost : IAsyncDisposable
{
    private CustomOwnerHost(ServiceProvider services, ExecutionRecorder executions)
    {
        Services = services;
        Executions = executions;
        Pipeline = HookPipeline.From(services);
    }

    public ServiceProvider Services { get; }

    public ExecutionRecorder Executions { get; }

    /// <summary>The registered pipeline: its background destination is the round trip, then the executor.</summary>
    public HookPipeline Pipeline { get; }

    public BackgroundHookExecutor Executor => Services.GetRequiredService<BackgroundHookExecutor>();

    public RoundTripQueue RoundTrip => Services.GetRequiredService<RoundTripQueue>();

    /// <summary>Where a caller hands the work it held back once its response is done.</summary>
    public IBackgroundHookQueue Background => Services.GetRequiredService<IBackgroundHookQueue>();

    public FakeLogCollector Logs => Services.GetFakeLogCollector();

    public static CustomOwnerHost Create(Action<AgnoHooksOptions>? configure = null)
    {
        var collection = new ServiceCollection();
        var executions = new ExecutionRecorder();
        collection.AddFakeLogging();
        collection.AddSingleton<IBackgroundHookObserver>(executions);
        collection.AddSingleton<AuditLog>();
        collection.AddAgnoHooks(configure);
        collection.AddAgnoHooksFrom<AgnoHooks>();
        collection.AddBackgroundRoundTrip();
        return new CustomOwnerHost(collection.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true }), executions);
    }

    /// <summary>A function "agent" with this host's pipeline and services.</summary>
    public FuncAgent Agent(string id, Func<string, string>? answer = null) =>
        new(id, (content, _) => Task.FromResult(answer?.Invoke(content) ?? $"echo: {content}"), Pipeline, Services) { Name = $"Func {id}" };

    public IEnumerable<string> Messages(LogLevel atLeast) =>
        Logs.GetSnapshot().Where(r => r.Level >= atLeast).Select(r => r.Message);

    public async ValueTask DisposeAsync()
    {
        var roundTrip = RoundTrip;
        await Services.DisposeAsync();
        roundTrip.ThrowIfAnyFailed();
    }
}

/// <summary>Records finished background executions and lets a test wait for a number of them.</summary>
internal sealed class ExecutionRecorder : IBackgroundHookObserver
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly ConcurrentQueue<BackgroundHookResult> _executions = new();
    private readonly SemaphoreSlim _signal = new(0);

    public IReadOnlyCollection<BackgroundHookResult> Executions => [.. _executions];

    public void OnExecuted(BackgroundHookResult execution)
    {
        _executions.Enqueue(execution);
        _signal.Release();
    }

    /// <summary>Waits until <paramref name="count"/> more executions have finished since the last wait.</summary>
    public async Task<IReadOnlyCollection<BackgroundHookResult>> WaitForAsync(int count)
    {
        for (var i = 0; i < count; i++)
        {
            if (!await _signal.WaitAsync(Patience))
            {
                throw new TimeoutException($"Only {i} of {count} background executions finished within {Patience}.");
            }
        }

        return Executions;
    }
}
