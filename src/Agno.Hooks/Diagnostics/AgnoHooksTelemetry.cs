using System.Diagnostics;

namespace Agno.Hooks;

/// <summary>Names of the traces and metrics Agno.Hooks emits, for OpenTelemetry set-up.</summary>
public static class AgnoHooksTelemetry
{
    /// <summary>The name of both the <see cref="ActivitySource"/> and the <see cref="System.Diagnostics.Metrics.Meter"/>.</summary>
    public const string Name = "Agno.Hooks";

    internal static readonly ActivitySource Source = new(Name, typeof(AgnoHooksTelemetry).Assembly.GetName().Version?.ToString());

    internal const string HookNameTag = "agno.hook.name";
    internal const string HookStageTag = "agno.hook.stage";
    internal const string HookStatusTag = "agno.hook.status";
    internal const string RunIdTag = "agno.run.id";

    /// <summary>Starts the span of one inline hook, a child of the run's span.</summary>
    internal static Activity? StartInlineHook(HookDescriptor hook, HookStage stage, ActivityContext run)
    {
        if (!Source.HasListeners())
        {
            return null;
        }

        var activity = Source.StartActivity(ActivityKind.Internal, parentContext: run, name: $"execute_hook {hook.Name}");
        activity?.SetTag(HookNameTag, hook.Name);
        activity?.SetTag(HookStageTag, stage == HookStage.Pre ? "pre" : "post");
        return activity;
    }

    /// <summary>
    /// Starts the span of one background execution: a new root, because the run's span has ended by then,
    /// linked to the run's span so the two can be found together.
    /// </summary>
    internal static Activity? StartBackgroundHook(BackgroundHookWorkItem item)
    {
        if (!Source.HasListeners())
        {
            return null;
        }

        Activity.Current = null;
        ActivityLink[]? links = ActivityContext.TryParse(item.TraceParent, null, out var run) ? [new ActivityLink(run)] : null;
        var activity = Source.StartActivity(ActivityKind.Internal, parentContext: default, links: links, name: $"execute_hook {item.HookName}");
        activity?.SetTag(HookNameTag, item.HookName);
        activity?.SetTag(HookStageTag, item.Stage == HookStage.Pre ? "pre" : "post");
        activity?.SetTag(RunIdTag, item.RunId);
        activity?.SetTag("agno.hook.background", true);
        activity?.SetTag("agno.hook.execution_id", item.ExecutionId);
        activity?.SetTag("agno.hook.attempt", item.Attempt);
        return activity;
    }
}
