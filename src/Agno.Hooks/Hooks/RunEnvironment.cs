using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Agno.Hooks;

/// <summary>What a run takes from its owner's services: settings, queue, logger and clock, with defaults when there are none.</summary>
internal sealed record RunEnvironment(IServiceProvider Source, AgnoHooksOptions Options, IBackgroundHookQueue? Queue, ILogger Logger, TimeProvider Time)
{
    private static readonly RunEnvironment Default = new(EmptyServiceProvider.Instance, new AgnoHooksOptions(), null, NullLogger.Instance, TimeProvider.System);

    public static RunEnvironment From(IServiceProvider services)
    {
        if (services is EmptyServiceProvider)
        {
            return Default;
        }

        return new RunEnvironment(
            services,
            services.GetService<IOptions<AgnoHooksOptions>>()?.Value ?? Default.Options,
            services.GetService<IBackgroundHookQueue>(),
            services.GetService<ILoggerFactory>()?.CreateLogger("Agno.Hooks.Run") ?? NullLogger.Instance,
            services.GetService<TimeProvider>() ?? TimeProvider.System);
    }
}
