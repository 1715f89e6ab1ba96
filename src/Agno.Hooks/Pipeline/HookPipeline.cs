using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Agno.Hooks;

/// <summary>
/// Drives hooks for any owner: our <see cref="Agent"/>, <see cref="Team"/> and <see cref="Workflow"/>, an adapter
/// around another agent runtime, or an owner of your own. It holds what every run takes from the services
/// (settings, the background destination, a logger and a clock) and drives one <see cref="HookRun"/> per run.
/// </summary>
/// <remarks>
/// <c>services.AddAgnoHooks()</c> registers one; <see cref="Default"/> serves owners without services.
/// <see cref="RunAsync"/> and <see cref="RunStreamingAsync"/> drive one run of any owner around its <see cref="RunWork"/>.
/// </remarks>
public sealed class HookPipeline
{
    public HookPipeline(AgnoHooksOptions? options = null, IBackgroundHookQueue? background = null, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null)
    {
        Options = options ?? new AgnoHooksOptions();
        Background = background;
        Logger = loggerFactory?.CreateLogger("Agno.Hooks.Run") ?? NullLogger.Instance;
        Time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Takes the settings, the background destination, the logger and the clock from <paramref name="services"/>.</summary>
    public HookPipeline(IServiceProvider services)
        : this(
            services.GetService<IOptions<AgnoHooksOptions>>()?.Value,
            services.GetService<IBackgroundHookQueue>(),
            services.GetService<ILoggerFactory>(),
            services.GetService<TimeProvider>())
    {
        Services = services;
    }

    /// <summary>For owners without services: default settings, no background destination, no logging.</summary>
    public static HookPipeline Default { get; } = new();

    public AgnoHooksOptions Options { get; }

    /// <summary>Where finished runs hand their background work; null when nothing was registered.</summary>
    public IBackgroundHookQueue? Background { get; }

    public TimeProvider Time { get; }

    /// <summary>The services this pipeline was made from: what inline hooks resolve from when a run names none.</summary>
    internal IServiceProvider? Services { get; }

    /// <summary>Where runs log hooks' failures and rejections, and owners their own failures.</summary>
    public ILogger Logger { get; }

    /// <summary>The pipeline registered in <paramref name="services"/>, or one made from them.</summary>
    public static HookPipeline From(IServiceProvider? services) =>
        services is null or EmptyServiceProvider ? Default : services.GetService<HookPipeline>() ?? new HookPipeline(services);

    /// <summary>
    /// Whether <paramref name="services"/> have a background destination (an <see cref="IBackgroundHookQueue"/>), asked
    /// without building it: for checks made while a container is still building the owners the queue depends on.
    /// </summary>
    public static bool HasBackgroundDestination(IServiceProvider? services) =>
        services is not null && (services.GetService<IServiceProviderIsService>() is { } isService
            ? isService.IsService(typeof(IBackgroundHookQueue))
            : services.GetService<IBackgroundHookQueue>() is not null);

    /// <summary>The settings in <paramref name="services"/>, or the defaults.</summary>
    public static AgnoHooksOptions OptionsFrom(IServiceProvider? services) =>
        services?.GetService<IOptions<AgnoHooksOptions>>()?.Value ?? new AgnoHooksOptions();

    /// <summary>
    /// Runs <paramref name="owner"/> on <paramref name="message"/>: its pre-hooks (guardrails first), its
    /// <paramref name="work"/>, its post-hooks, then its final status and duration, and only then the background hooks'
    /// copies and their hand-over. A check that rejects the run gives an output with status Error; it is not thrown.
    /// </summary>
    /// <param name="owner">Whose hooks run: its <see cref="IHookOwner.PreHooks"/> and <see cref="IHookOwner.PostHooks"/>.</param>
    /// <param name="message">The input's content; <see cref="RunOptions.Messages"/> are the earlier messages.</param>
    /// <param name="work">The owner's own work between the stages.</param>
    /// <param name="options">The run's ids, state, services, background destination and parent run.</param>
    /// <param name="cancellationToken">Cancels the run; a cancelled run hands no background work over.</param>
    public Task<RunOutput> RunAsync(IHookOwner owner, string message, RunWork work, RunOptions? options = null, CancellationToken cancellationToken = default) =>
        RunDriver.RunAsync(this, owner, message, work, options, cancellationToken);

    /// <summary>
    /// As <see cref="RunAsync"/>, streaming Agno's events: <see cref="RunEventKind.RunStarted"/>, a start and an end per
    /// inline pre-hook, the work's own events, the same per inline post-hook, then <see cref="RunEventKind.RunCompleted"/>
    /// or <see cref="RunEventKind.RunError"/>, which carry the output. The background work is handed over before that last event.
    /// </summary>
    public IAsyncEnumerable<RunEvent> RunStreamingAsync(IHookOwner owner, string message, RunWork work, RunOptions? options = null, CancellationToken cancellationToken = default) =>
        RunDriver.RunStreamingAsync(this, owner, message, work, options, cancellationToken);

    /// <summary>True when any hook of <paramref name="owner"/> or of the owners inside it would go to the background under this setting.</summary>
    public static bool HasBackgroundHooks(IHookOwner owner, bool runHooksInBackground)
    {
        ArgumentNullException.ThrowIfNull(owner);
        if (OwnerHooks.AnyBackground(owner, runHooksInBackground))
        {
            return true;
        }

        foreach (var child in owner.Children)
        {
            if (HasBackgroundHooks(child, runHooksInBackground))
            {
                return true;
            }
        }

        return false;
    }
}
