using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Agno.Hooks.OpenAI.Tests.Support;

/// <summary>A service provider with the hook runtime and fake logging, without a host: options are checked when first resolved.</summary>
internal sealed class ModerationHost : IAsyncDisposable
{
    private ModerationHost(ServiceProvider services) => Services = services;

    public ServiceProvider Services { get; }

    public static ModerationHost Create(Action<IAgnoHooksBuilder> hooks, Action<IServiceCollection>? services = null)
    {
        var collection = new ServiceCollection();
        collection.AddFakeLogging();
        services?.Invoke(collection);
        hooks(collection.AddAgnoHooks());
        return new ModerationHost(collection.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true }));
    }

    public IEnumerable<string> Messages(LogLevel atLeast) =>
        Services.GetFakeLogCollector().GetSnapshot().Where(r => r.Level >= atLeast).Select(r => r.Message);

    public ValueTask DisposeAsync() => Services.DisposeAsync();
}
