using Microsoft.Extensions.DependencyInjection;

namespace Agno.Hooks;

/// <summary>
/// The services a named instance's hook sees (<see cref="HookDescriptor.Named"/>): its class resolves to the instance
/// registered under the name; everything else as the run's services resolve it.
/// </summary>
internal sealed class KeyedTargetServices(IServiceProvider services, Type target, string key, string hookName) : IServiceProvider
{
    public object? GetService(Type serviceType) =>
        serviceType != target
            ? services.GetService(serviceType)
            : (services as IKeyedServiceProvider)?.GetKeyedService(target, key)
                ?? throw new InvalidOperationException($"Hook '{hookName}' {Missing(target, key)}");

    /// <summary>What is wrong when no instance is registered under the name, and how to register one.</summary>
    public static string Missing(Type target, object key) =>
        $"runs on the {target.Name} named '{key}', which is not registered: register it under that name on AddAgnoHooks() (a built-in guardrail's AddXxx(\"{key}\", ...), AddGuardrail(\"{key}\", ...) for your own).";
}
