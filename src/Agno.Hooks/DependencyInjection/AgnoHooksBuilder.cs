using Microsoft.Extensions.DependencyInjection;

namespace Agno.Hooks;

/// <summary>The <see cref="IAgnoHooksBuilder"/> of <c>AddAgnoHooks()</c>: the services, nothing more.</summary>
internal sealed class AgnoHooksBuilder(IServiceCollection services) : IAgnoHooksBuilder
{
    public IServiceCollection Services { get; } = services;
}
