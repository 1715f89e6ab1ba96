using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Agno.Hooks.Tests.Support;

/// <summary>A service provider with the hook runtime, fake logging and an execution recorder, without a host.</summary>
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

    public FakeLogCollector Logs => Services.GetFakeLogCollector();

    public static HookTestHost Create(Action<AgnoHooksOptions>? configure = null, Action<IServiceCollection>? services = null)
    {
        var collection = new ServiceCollection();
        var executions = new ExecutionRecorder();
        collection.AddFakeLogging();
        collection.AddMetrics();
        collection.AddSingleton<IBackgroundHookObserver>(executions);
        collection.AddAgnoHooks(configure);
        services?.Invoke(collection);
        return new HookTestHost(collection.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true }), executions);
    }

    public Agent Agent(string id = "test-agent") => new(id) { Model = new OfflineChatClient(), Name = "Test agent", Instructions = "Be brief.", Services = Services };

    public IEnumerable<string> Messages(LogLevel atLeast) =>
        Logs.GetSnapshot().Where(r => r.Level >= atLeast).Select(r => r.Message);

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
    }
}
