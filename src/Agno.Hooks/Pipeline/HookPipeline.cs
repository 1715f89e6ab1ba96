using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Agno.Hooks;

/// <summary>
/// Drives hooks for any owner: our <see cref="Agent"/>, <see cref="Team"/> and <see cref="Workflow"/>, an adapter
/// around another agent runtime, or an owner of your own. It holds what every run takes from the services
/// (settings, the background destination, a logger and a clock) and starts one <see cref="HookRun"/> per run.
/// </summary>
/// <remarks>
/// <c>services.AddAgnoHooks()</c> registers one; <see cref="Default"/> serves owners without services.
/// A run's steps are: <see cref="HookRun.ExecutePreHooksAsync"/>, the owner's own work,
/// <see cref="HookRun.ExecutePostHooksAsync"/>, then <see cref="HookRun.CompleteAsync"/> once the response is done.
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
    }

    /// <summary>For owners without services: default settings, no background destination, no logging.</summary>
    public static HookPipeline Default { get; } = new();

    public AgnoHooksOptions Options { get; }

    /// <summary>Where finished runs hand their background work; null when nothing was registered.</summary>
    public IBackgroundHookQueue? Background { get; }

    public TimeProvider Time { get; }

    internal ILogger Logger { get; }

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
    /// Starts the hooks of one run of <paramref name="owner"/>. Nothing runs until the caller asks for a stage.
    /// </summary>
    /// <param name="owner">Whose hooks: its <see cref="IHookOwner.PreHooks"/> and <see cref="IHookOwner.PostHooks"/>.</param>
    /// <param name="run">The run's ids, metadata and session state.</param>
    /// <param name="input">The input; inline pre-hooks may change it in place.</param>
    /// <param name="options">Per-run choices: services, background setting and destination, a parent run.</param>
    /// <param name="cancellationToken">Cancels the inline hooks; background hooks get their own token.</param>
    public HookRun StartRun(IHookOwner owner, RunContext run, RunInput input, HookRunOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(input);
        var parent = options?.Parent;
        var background = options?.RunHooksInBackground ?? parent?.RunHooksInBackground ?? Options.RunHooksInBackground;
        var destination = parent is null ? options?.Background ?? Background : null;
        if (destination is null && parent is null && (HasBackgroundHooks(owner, background) || AnyBackground(options?.PreHooks, background) || AnyBackground(options?.PostHooks, background)))
        {
            throw new InvalidOperationException($"'{owner.Id}' has background hooks but nowhere to run them: call services.AddAgnoHooks() and give the owner those services, or pass a background queue for the run.");
        }

        var services = options?.Services ?? parent?.Services ?? EmptyServiceProvider.Instance;
        return new HookRun(this, owner, run, input, services, background, destination, parent, options, Activity.Current, cancellationToken)
        {
            Session = options?.Session ?? parent?.Session,
        };
    }

    private static bool AnyBackground(IReadOnlyList<HookDescriptor>? hooks, bool runHooksInBackground) =>
        hooks is not null && hooks.Any(hook => HookRun.IsBackground(hook, runHooksInBackground));

    /// <summary>True when any hook of <paramref name="owner"/> or of the owners inside it would go to the background under this setting.</summary>
    public static bool HasBackgroundHooks(IHookOwner owner, bool runHooksInBackground)
    {
        ArgumentNullException.ThrowIfNull(owner);
        foreach (var hook in owner.PreHooks.Snapshot())
        {
            if (HookRun.IsBackground(hook, runHooksInBackground))
            {
                return true;
            }
        }

        foreach (var hook in owner.PostHooks.Snapshot())
        {
            if (HookRun.IsBackground(hook, runHooksInBackground))
            {
                return true;
            }
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
