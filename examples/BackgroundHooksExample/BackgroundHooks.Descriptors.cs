using Agno.Hooks;

namespace BackgroundHooksExample;

// Hand-built hook descriptors: what the Agno.Hooks source generator will emit for [Hook] methods
// (a {Method}Hook property next to each method). To switch, delete this file and put [Hook] on the
// methods in BackgroundHooks.cs; nothing else changes.
public static partial class BackgroundHooks
{
    private const string Prefix = "BackgroundHooksExample.BackgroundHooks.";

    public static HookDescriptor LogRequestHook { get; } = new(
        Prefix + nameof(LogRequest),
        context =>
        {
            LogRequest(context.Input, (Agent)context.Owner, context.Services.GetRequiredService<ILoggerFactory>());
            return default;
        },
        [
            new("runInput", HookParameterKind.RunInput, typeof(RunInput)),
            new("agent", HookParameterKind.Owner, typeof(Agent)),
            new("loggers", HookParameterKind.Service, typeof(ILoggerFactory)),
        ]);

    public static HookDescriptor LogAnalyticsHook { get; } = new(
        Prefix + nameof(LogAnalytics),
        context => new ValueTask(LogAnalytics(
            context.RequiredOutput,
            (Agent)context.Owner,
            context.Run,
            context.Services.GetRequiredService<ILoggerFactory>(),
            context.CancellationToken)),
        [
            new("runOutput", HookParameterKind.RunOutput, typeof(RunOutput)),
            new("agent", HookParameterKind.Owner, typeof(Agent)),
            new("runContext", HookParameterKind.RunContext, typeof(RunContext)),
            new("loggers", HookParameterKind.Service, typeof(ILoggerFactory)),
            new("cancellationToken", HookParameterKind.CancellationToken, typeof(CancellationToken)),
        ]);

    public static HookDescriptor SendNotificationHook { get; } = new(
        Prefix + nameof(SendNotification),
        context => new ValueTask(SendNotification(
            context.RequiredOutput,
            (Agent)context.Owner,
            context.Services.GetRequiredService<ILoggerFactory>(),
            context.CancellationToken)),
        [
            new("runOutput", HookParameterKind.RunOutput, typeof(RunOutput)),
            new("agent", HookParameterKind.Owner, typeof(Agent)),
            new("loggers", HookParameterKind.Service, typeof(ILoggerFactory)),
            new("cancellationToken", HookParameterKind.CancellationToken, typeof(CancellationToken)),
        ]);
}
