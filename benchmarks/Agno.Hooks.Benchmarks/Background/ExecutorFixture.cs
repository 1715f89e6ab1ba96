using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Agno.Hooks.Benchmarks.Background;

/// <summary>An executor with default options, as a host without AgentOS builds it, and one hook context to reuse.</summary>
internal static class ExecutorFixture
{
    public static (ServiceProvider Services, BackgroundHookExecutor Executor, HookContext Context) Create(IBackgroundHookObserver observer)
    {
        var services = new ServiceCollection().BuildServiceProvider();
        var executor = new BackgroundHookExecutor(
            Options.Create(new AgnoHooksOptions()),
            services.GetRequiredService<IServiceScopeFactory>(),
            observers: [observer]);
        var context = new HookContext(HookStage.Pre, new Agent("bench-agent") { Model = new OfflineChatClient() }, new RunContext("run-1", "session-1"), new RunInput("Hello, hooks"), null, services, CancellationToken.None);
        return (services, executor, context);
    }
}
