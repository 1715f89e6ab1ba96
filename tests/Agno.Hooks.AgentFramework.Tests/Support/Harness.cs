using Microsoft.Extensions.DependencyInjection;

namespace Agno.Hooks.AgentFramework.Tests.Support;

/// <summary>A container with the hook runtime (its real background executor), the log and gate the hooks use, and a real
/// <see cref="ChatClientAgent"/> on the watched offline model, hooked with <c>UseAgnoHooks</c>.</summary>
internal sealed class Harness : IAsyncDisposable
{
    private Harness(ServiceProvider services, ModelProbe model)
    {
        Services = services;
        Model = model;
    }

    public ServiceProvider Services { get; }

    public ModelProbe Model { get; }

    public HookLog Log => Services.GetRequiredService<HookLog>();

    public Gate Gate => Services.GetRequiredService<Gate>();

    public Executions Executions => Services.GetRequiredService<Executions>();

    public BackgroundHookExecutor Executor => Services.GetRequiredService<BackgroundHookExecutor>();

    public static Harness Create(bool holdAfterFirstUpdate = false, Action<AgnoHooksOptions>? options = null)
    {
        var log = new HookLog();
        var collection = new ServiceCollection();
        collection.AddSingleton(log);
        collection.AddSingleton(new Gate());
        var executions = new Executions();
        collection.AddSingleton(executions);
        collection.AddSingleton<IBackgroundHookObserver>(executions);
        collection.AddAgnoHooks(options);
        return new Harness(collection.BuildServiceProvider(), new ModelProbe(log) { HoldAfterFirstUpdate = holdAfterFirstUpdate });
    }

    public ChatClientAgent Inner() => new(Model, name: "support", instructions: "You are a helpful support agent.");

    public AIAgent Hooked(Action<AgnoHooksAgent> configure) => Inner().AsBuilder().UseAgnoHooks(configure).Build(Services);

    public async ValueTask DisposeAsync() => await Services.DisposeAsync();
}
