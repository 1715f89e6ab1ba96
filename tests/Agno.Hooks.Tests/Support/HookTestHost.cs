using Agno.Hooks.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Agno.Hooks.Tests.Support;

/// <summary>
/// A service provider with the hook runtime, fake logging and an execution recorder, without a host. Every
/// execution a run queues goes through the JSON round trip (<see cref="RoundTripQueue"/>) and runs restored from
/// data; disposing the host fails the test if any round trip failed.
/// </summary>
internal sealed class HookTestHost : IAsyncDisposable
{
    private HookTestHost(ServiceProvider services, ExecutionRecorder executions)
    {
        Services = services;
        Executions = executions;
    }

    public ServiceProvider Services { get; }

    public ExecutionRecorder Executions { get; }

    public BackgroundHookExecutor Executor => Services.GetRequiredService<BackgroundHookExecutor>();

    /// <summary>The queue runs hand their background work to: the round trip, in front of <see cref="Executor"/>.</summary>
    public RoundTripQueue RoundTrip => Services.GetRequiredService<RoundTripQueue>();

    public FakeLogCollector Logs => Services.GetFakeLogCollector();

    /// <param name="configure">Sets the runtime's options.</param>
    /// <param name="services">Registers more services.</param>
    /// <param name="hooks">Adds to the runtime through its builder: guardrails, a background queue.</param>
    public static HookTestHost Create(Action<AgnoHooksOptions>? configure = null, Action<IServiceCollection>? services = null, Action<IAgnoHooksBuilder>? hooks = null)
    {
        var collection = new ServiceCollection();
        var executions = new ExecutionRecorder();
        collection.AddFakeLogging();
        collection.AddMetrics();
        collection.AddSingleton<IBackgroundHookObserver>(executions);
        var builder = collection.AddAgnoHooks(configure);
        hooks?.Invoke(builder);
        services?.Invoke(collection);
        collection.AddBackgroundRoundTrip();
        return new HookTestHost(collection.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true }), executions);
    }

    public Agent Agent(string id = "test-agent") => new(id) { Model = new OfflineChatClient(), Name = "Test agent", Instructions = "Be brief.", Services = Services };

    public IEnumerable<string> Messages(LogLevel atLeast) =>
        Logs.GetSnapshot().Where(r => r.Level >= atLeast).Select(r => r.Message);

    public async ValueTask DisposeAsync()
    {
        var roundTrip = Services.GetRequiredService<RoundTripQueue>();
        await Services.DisposeAsync();
        roundTrip.ThrowIfAnyFailed();
    }
}
