using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;

namespace Agno.Hooks.Testing;

/// <summary>
/// Sits in front of the real background queue and sends every execution through the JSON round trip a durable
/// queue would: serializes it, deserializes it, checks the restored execution is the same (identical JSON again,
/// the same view for its hook, its hook found by name and its owner by kind and id as the very ones the original
/// held), then queues the <em>restored</em> execution, which has no live hook or owner: it runs from data,
/// dispatched by name. A failed check throws from <see cref="EnqueueAsync"/> and is kept in <see cref="Failures"/>.
/// </summary>
internal sealed class RoundTripQueue(IBackgroundHookQueue inner, HookCatalog catalog, HookOwnerDirectory owners, ServedHookOwners served) : IBackgroundHookQueue
{
    private readonly ConcurrentQueue<string> _failures = new();
    private int _roundTrips;

    /// <summary>Executions that went through the round trip and on to the real queue.</summary>
    public int RoundTrips => Volatile.Read(ref _roundTrips);

    /// <summary>Every failed round trip, described.</summary>
    public IReadOnlyCollection<string> Failures => [.. _failures];

    public ValueTask EnqueueAsync(BackgroundHookWorkItem item, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        BackgroundHookWorkItem restored;
        try
        {
            restored = RoundTrip(item);
        }
        catch (Exception exception)
        {
            var failure = $"Background hook '{item.HookName}' of {item.OwnerKind} '{item.OwnerId}' (run '{item.RunId}') did not survive the JSON round trip: {exception.Message}";
            _failures.Enqueue(failure);
            throw new RoundTripException(failure, exception);
        }

        Interlocked.Increment(ref _roundTrips);
        return inner.EnqueueAsync(restored, cancellationToken);
    }

    /// <summary>Throws when any round trip failed, with every failure listed.</summary>
    public void ThrowIfAnyFailed()
    {
        if (!_failures.IsEmpty)
        {
            throw new RoundTripException($"{_failures.Count} background execution(s) did not survive the JSON round trip:{Environment.NewLine}{string.Join(Environment.NewLine, _failures)}");
        }
    }

    private BackgroundHookWorkItem RoundTrip(BackgroundHookWorkItem item)
    {
        var hook = item.Hook ?? throw new InvalidOperationException("the execution has no live hook to compare with: it was restored already.");
        var owner = item.Owner ?? throw new InvalidOperationException("the execution has no live owner to compare with: it was restored already.");

        // As a process serving this owner would: it knows the owner before the first lookup.
        served.Add(owner);

        var json = BackgroundHookSerializer.Serialize(item);
        var restored = BackgroundHookSerializer.Deserialize(json);
        if (restored.Hook is not null || restored.Owner is not null)
        {
            throw new InvalidOperationException("the restored execution still holds a live hook or owner.");
        }

        var again = BackgroundHookSerializer.Serialize(restored);
        if (again != json)
        {
            throw new InvalidOperationException($"the restored execution serializes differently.{Environment.NewLine}Original: {json}{Environment.NewLine}Restored: {again}");
        }

        var before = ExecutionView.Of(item).ToJsonString();
        var after = ExecutionView.Of(restored).ToJsonString();
        if (before != after)
        {
            throw new InvalidOperationException($"the restored execution shows its hook something else.{Environment.NewLine}Original: {before}{Environment.NewLine}Restored: {after}");
        }

        var found = catalog.Find(restored.HookName);
        if (!ReferenceEquals(found, hook))
        {
            throw new InvalidOperationException(found is null
                ? $"no hook named '{restored.HookName}' is known by name."
                : $"the name '{restored.HookName}' finds another hook: two different hooks share the name.");
        }

        var foundOwner = owners.Find(restored.OwnerKind, restored.OwnerId);
        if (!ReferenceEquals(foundOwner, owner))
        {
            throw new InvalidOperationException(foundOwner is null
                ? $"no {restored.OwnerKind} '{restored.OwnerId}' is known by id."
                : $"{restored.OwnerKind} '{restored.OwnerId}' finds another owner: two different owners of that kind share the id.");
        }

        return restored;
    }
}

/// <summary>A failed round trip; not an <see cref="InvalidOperationException"/>, which AgentOS would take for a stopping queue.</summary>
internal sealed class RoundTripException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>The owners the round trip has seen, served to the <see cref="HookOwnerDirectory"/> and <see cref="HookCatalog"/>.</summary>
internal sealed class ServedHookOwners : IHookOwnerSource
{
    private readonly List<IHookOwner> _owners = [];
    private readonly HashSet<IHookOwner> _known = new(ReferenceEqualityComparer.Instance);

    public IEnumerable<IHookOwner> Owners
    {
        get
        {
            lock (_owners)
            {
                return [.. _owners];
            }
        }
    }

    public void Add(IHookOwner owner)
    {
        lock (_owners)
        {
            if (_known.Add(owner))
            {
                _owners.Add(owner);
            }
        }
    }
}

/// <summary>
/// Everything a hook can read from an execution, JsonIgnore'd members and what is shared with what included,
/// as JSON: two executions with the same view give a hook the same arguments.
/// </summary>
internal static class ExecutionView
{
    public static JsonObject Of(BackgroundHookWorkItem item) => new()
    {
        ["executionId"] = item.ExecutionId,
        ["attempt"] = item.Attempt,
        ["hookName"] = item.HookName,
        ["stage"] = item.Stage.ToString(),
        ["ownerKind"] = item.OwnerKind.ToString(),
        ["ownerId"] = item.OwnerId,
        ["ownerName"] = item.OwnerName,
        ["traceParent"] = item.TraceParent,
        ["run"] = new JsonObject
        {
            ["runId"] = item.Run.RunId,
            ["sessionId"] = item.Run.SessionId,
            ["userId"] = item.Run.UserId,
            ["metadata"] = item.Run.Metadata.DeepClone(),
            ["sessionState"] = item.Run.SessionState.DeepClone(),
            ["arguments"] = item.Run.Arguments.DeepClone(),
        },
        ["input"] = Input(item.Input, item.Run),
        ["output"] = item.Output is null ? null : Output(item.Output, item.Run),
    };

    private static JsonObject Input(RunInput input, RunContext run) => new()
    {
        ["content"] = input.Content,
        ["messages"] = new JsonArray([.. input.Messages.Select(m => (JsonNode)new JsonObject { ["role"] = m.Role, ["text"] = m.Text })]),
        ["metadata"] = Shared(input.Metadata, run.Metadata),
        ["sessionState"] = Shared(input.SessionState, run.SessionState),
    };

    private static JsonObject Output(RunOutput output, RunContext run)
    {
        var view = new JsonObject
        {
            ["type"] = output.GetType().Name,
            ["runId"] = output.RunId,
            ["sessionId"] = output.SessionId,
            ["userId"] = output.UserId,
            ["ownerId"] = output.OwnerId,
            ["ownerName"] = output.OwnerName,
            ["content"] = output.Content,
            ["contentType"] = output.ContentType,
            ["model"] = output.Model,
            ["modelProvider"] = output.ModelProvider,
            ["createdAt"] = output.CreatedAt.ToString("O"),
            ["status"] = output.Status.ToString(),
            ["metrics"] = new JsonObject
            {
                ["inputTokens"] = output.Metrics.InputTokens,
                ["outputTokens"] = output.Metrics.OutputTokens,
                ["totalTokens"] = output.Metrics.TotalTokens,
                ["timeToFirstToken"] = output.Metrics.TimeToFirstToken?.ToString("c"),
                ["duration"] = output.Metrics.Duration.ToString("c"),
            },
            ["metadata"] = Shared(output.Metadata, run.Metadata),
            ["input"] = output.Input is null ? null : Input(output.Input, run),
            ["errorType"] = output.ErrorType,
            ["errorId"] = output.ErrorId,
            ["errorData"] = output.ErrorData?.DeepClone(),
        };
        if (output is TeamRunOutput team)
        {
            view["memberResponses"] = new JsonArray([.. team.MemberResponses.Select(member => (JsonNode)Output(member, run))]);
        }

        if (output is WorkflowRunOutput workflow)
        {
            view["stepResults"] = new JsonArray([.. workflow.StepResults.Select(step => (JsonNode)Step(step, run))]);
        }

        return view;
    }

    private static JsonObject Step(StepResult step, RunContext run) => new()
    {
        ["stepName"] = step.StepName,
        ["content"] = step.Content,
        ["status"] = step.Status.ToString(),
        ["error"] = step.Error,
        ["output"] = step.Output is null ? null : Output(step.Output, run),
        ["steps"] = new JsonArray([.. step.Steps.Select(part => (JsonNode)Step(part, run))]),
    };

    // The value, and whether it is the run context's own object (as the copies share it) or one of its own.
    private static JsonObject Shared(JsonObject value, JsonObject runs) => new()
    {
        ["value"] = value.DeepClone(),
        ["sharedWithRun"] = ReferenceEquals(value, runs),
    };
}

internal static class BackgroundRoundTripServiceCollectionExtensions
{
    /// <summary>
    /// Puts a <see cref="RoundTripQueue"/> in front of the background queue registered so far (the executor,
    /// unless something replaced it), and serves the owners it sees. Call it after everything else is registered.
    /// </summary>
    public static IServiceCollection AddBackgroundRoundTrip(this IServiceCollection services)
    {
        var registered = services.LastOrDefault(d => d.ServiceType == typeof(IBackgroundHookQueue) && !d.IsKeyedService)
            ?? throw new InvalidOperationException("Register the hook runtime (AddAgnoHooks) before the round trip.");
        services.Remove(registered);
        services.AddSingleton<ServedHookOwners>();
        services.AddSingleton<IHookOwnerSource>(sp => sp.GetRequiredService<ServedHookOwners>());
        services.AddSingleton(sp => new RoundTripQueue(
            Resolve(sp, registered),
            sp.GetRequiredService<HookCatalog>(),
            sp.GetRequiredService<HookOwnerDirectory>(),
            sp.GetRequiredService<ServedHookOwners>()));
        services.AddSingleton<IBackgroundHookQueue>(sp => sp.GetRequiredService<RoundTripQueue>());
        return services;
    }

    private static IBackgroundHookQueue Resolve(IServiceProvider services, ServiceDescriptor registered) =>
        (IBackgroundHookQueue)(registered.ImplementationInstance
            ?? registered.ImplementationFactory?.Invoke(services)
            ?? ActivatorUtilities.GetServiceOrCreateInstance(services, registered.ImplementationType!));
}
