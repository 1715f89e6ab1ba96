using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Agno.Hooks;

/// <summary>
/// An agent: inline pre-hooks, then the model, then inline post-hooks. Background hooks get copies
/// and are queued once the run is over, unless a check rejected it.
/// </summary>
public sealed partial class Agent : IHookOwner
{
    public Agent(string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        Id = id;
        PreHooks = new HookList(this, HookStage.Pre);
        PostHooks = new HookList(this, HookStage.Post);
    }

    public string Id { get; }

    public string? Name { get; init; }

    public string? Description { get; init; }

    /// <summary>The model; the offline <see cref="OfflineChatClient"/> unless set.</summary>
    public IChatClient Model { get; init; } = new OfflineChatClient();

    /// <summary>The system prompt.</summary>
    public string? Instructions { get; init; }

    public HookList PreHooks { get; }

    public HookList PostHooks { get; }

    /// <summary>
    /// Where hooks resolve services, and where the agent finds its <see cref="BackgroundHookExecutor"/>,
    /// options, logger and clock. Set by <c>services.AddAgent(...)</c> and by AgentOS.
    /// </summary>
    public IServiceProvider? Services { get; set; }

    HookOwnerKind IHookOwner.Kind => HookOwnerKind.Agent;

    /// <summary>Runs the agent. A check that rejects the run gives an output with status Error; it is not thrown.</summary>
    public async Task<RunOutput> RunAsync(string message, RunOptions? options = null, CancellationToken cancellationToken = default)
    {
        RunOutput? output = null;
        await foreach (var runEvent in RunCoreAsync(message, options, streaming: false, cancellationToken).ConfigureAwait(false))
        {
            output = runEvent.Output;
        }

        return output!;
    }

    /// <summary>
    /// Runs the agent, streaming Agno's events: RunStarted, PreHookStarted/Completed per inline pre-hook,
    /// RunContent deltas, RunContentCompleted, PostHookStarted/Completed, then RunCompleted or RunError.
    /// </summary>
    public IAsyncEnumerable<RunEvent> RunStreamingAsync(string message, RunOptions? options = null, CancellationToken cancellationToken = default) =>
        RunCoreAsync(message, options, streaming: true, cancellationToken);

    private async IAsyncEnumerable<RunEvent> RunCoreAsync(string message, RunOptions? options, bool streaming, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        options ??= new RunOptions();
        var services = options.Services ?? Services ?? EmptyServiceProvider.Instance;
        var environment = RunEnvironment.From(Services ?? services);
        var runHooksInBackground = options.RunHooksInBackground ?? environment.Options.RunHooksInBackground;
        var queue = options.BackgroundQueue ?? environment.Queue;
        if (queue is null && HookRunner.HasBackgroundHooks(this, runHooksInBackground))
        {
            throw new InvalidOperationException($"Agent '{Id}' has background hooks but no queue to run them: call services.AddAgnoHooks() and set the agent's Services (services.AddAgent does), or pass RunOptions.BackgroundQueue.");
        }

        var run = new RunContext(NonEmptyOr(options.RunId), NonEmptyOr(options.SessionId), options.UserId)
        {
            Metadata = options.Metadata ?? [],
            SessionState = options.SessionState ?? [],
            Arguments = options.Arguments ?? [],
        };
        var input = new RunInput(message)
        {
            Messages = options.Messages is null ? [] : [.. options.Messages],
            Metadata = run.Metadata,
            SessionState = run.SessionState,
        };
        var metadata = Model.GetService<ChatClientMetadata>();
        var output = new RunOutput
        {
            RunId = run.RunId,
            SessionId = run.SessionId,
            UserId = run.UserId,
            OwnerId = Id,
            OwnerName = Name,
            CreatedAt = environment.Time.GetUtcNow(),
            Metadata = run.Metadata,
            Model = metadata?.DefaultModelId,
            ModelProvider = metadata?.ProviderName,
            Input = input,
        };
        var started = environment.Time.GetTimestamp();
        RunEvent Event(RunEventKind kind, string? content = null, string? hookName = null, RunInput? eventInput = null) => new()
        {
            Kind = kind,
            CreatedAt = environment.Time.GetUtcNow(),
            Owner = this,
            RunId = run.RunId,
            SessionId = run.SessionId,
            NestedDepth = options.NestedDepth,
            Content = content,
            HookName = hookName,
            Input = eventInput,
            Output = output,
        };

        using var activity = StartRunActivity(run);
        var hooks = new HookRunner(this, run, input, services, runHooksInBackground, environment.Logger, activity, cancellationToken);

        RunEvent Fail()
        {
            if (hooks.Rejection is not null)
            {
                hooks.ApplyRejection(output);
            }

            output.Metrics.Duration = environment.Time.GetElapsedTime(started);
            activity?.SetStatus(ActivityStatusCode.Error, output.ErrorType);
            return Event(RunEventKind.RunError, content: output.Content);
        }

        if (streaming)
        {
            yield return Event(RunEventKind.RunStarted);
        }

        // Pre-hooks: guardrails first, then the other inline ones; background ones are copied afterwards.
        foreach (var hook in hooks.InlineHooks(PreHooks))
        {
            if (streaming)
            {
                yield return Event(RunEventKind.PreHookStarted, hookName: hook.Name, eventInput: input);
            }

            var outcome = await hooks.InvokeInlineAsync(hook, HookStage.Pre, output: null).ConfigureAwait(false);
            if (outcome == InlineHookOutcome.Rejected)
            {
                yield return Fail();
                yield break;
            }

            if (streaming && outcome == InlineHookOutcome.Succeeded)
            {
                yield return Event(RunEventKind.PreHookCompleted, hookName: hook.Name, eventInput: input);
            }
        }

        hooks.CaptureBackground(PreHooks, HookStage.Pre, output: null);

        // The model.
        output.Status = RunStatus.Running;
        var chatMessages = BuildMessages(input);
        var text = new StringBuilder();
        Exception? modelError = null;
        if (streaming)
        {
            var updates = Model.GetStreamingResponseAsync(chatMessages, cancellationToken: cancellationToken).GetAsyncEnumerator(cancellationToken);
            try
            {
                var modelStarted = environment.Time.GetTimestamp();
                while (true)
                {
                    ChatResponseUpdate update;
                    try
                    {
                        if (!await updates.MoveNextAsync().ConfigureAwait(false))
                        {
                            break;
                        }

                        update = updates.Current;
                    }
                    catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                    {
                        modelError = exception;
                        break;
                    }

                    AddUsage(output.Metrics, update.Contents.OfType<UsageContent>().FirstOrDefault()?.Details);
                    if (!string.IsNullOrEmpty(update.Text))
                    {
                        output.Metrics.TimeToFirstToken ??= environment.Time.GetElapsedTime(modelStarted);
                        text.Append(update.Text);
                        yield return Event(RunEventKind.RunContent, content: update.Text);
                    }
                }
            }
            finally
            {
                await updates.DisposeAsync().ConfigureAwait(false);
            }
        }
        else
        {
            try
            {
                var response = await Model.GetResponseAsync(chatMessages, cancellationToken: cancellationToken).ConfigureAwait(false);
                text.Append(response.Text);
                AddUsage(output.Metrics, response.Usage);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                modelError = exception;
            }
        }

        if (modelError is not null)
        {
            LogModelFailed(environment.Logger, modelError, Id, run.RunId);
            output.Status = RunStatus.Error;
            output.Content = "The model call failed.";
            output.ErrorType = "model_error";
            yield return Fail();
            yield break;
        }

        output.Content = text.ToString();
        if (streaming)
        {
            yield return Event(RunEventKind.RunContentCompleted);
        }

        foreach (var hook in hooks.InlineHooks(PostHooks))
        {
            if (streaming)
            {
                yield return Event(RunEventKind.PostHookStarted, hookName: hook.Name);
            }

            var outcome = await hooks.InvokeInlineAsync(hook, HookStage.Post, output).ConfigureAwait(false);
            if (outcome == InlineHookOutcome.Rejected)
            {
                yield return Fail();
                yield break;
            }

            if (streaming && outcome == InlineHookOutcome.Succeeded)
            {
                yield return Event(RunEventKind.PostHookCompleted, hookName: hook.Name);
            }
        }

        output.Status = RunStatus.Completed;
        output.Metrics.Duration = environment.Time.GetElapsedTime(started);
        hooks.CaptureBackground(PostHooks, HookStage.Post, output);

        // Queued before the last event: a consumer may stop reading once it has it.
        await hooks.QueueBackgroundAsync(queue).ConfigureAwait(false);
        activity?.SetStatus(ActivityStatusCode.Ok);
        yield return Event(RunEventKind.RunCompleted, content: output.Content);
    }

    private List<ChatMessage> BuildMessages(RunInput input)
    {
        var messages = new List<ChatMessage>(input.Messages.Count + 2);
        if (!string.IsNullOrWhiteSpace(Instructions))
        {
            messages.Add(new ChatMessage(ChatRole.System, Instructions));
        }

        foreach (var message in input.Messages)
        {
            messages.Add(new ChatMessage(new ChatRole(message.Role), message.Text));
        }

        messages.Add(new ChatMessage(ChatRole.User, input.Content));
        return messages;
    }

    private static void AddUsage(RunMetrics metrics, UsageDetails? usage)
    {
        if (usage is null)
        {
            return;
        }

        metrics.InputTokens += usage.InputTokenCount ?? 0;
        metrics.OutputTokens += usage.OutputTokenCount ?? 0;
        metrics.TotalTokens += usage.TotalTokenCount ?? (usage.InputTokenCount ?? 0) + (usage.OutputTokenCount ?? 0);
    }

    private Activity? StartRunActivity(RunContext run)
    {
        var activity = AgnoHooksTelemetry.Source.StartActivity($"invoke_agent {Name ?? Id}");
        activity?.SetTag("gen_ai.operation.name", "invoke_agent");
        activity?.SetTag("gen_ai.agent.id", Id);
        activity?.SetTag("gen_ai.agent.name", Name);
        activity?.SetTag("gen_ai.conversation.id", run.SessionId);
        activity?.SetTag(AgnoHooksTelemetry.RunIdTag, run.RunId);
        return activity;
    }

    private static string NonEmptyOr(string? id) => string.IsNullOrEmpty(id) ? Guid.NewGuid().ToString() : id;

    [LoggerMessage(30, LogLevel.Error, "The model of agent '{AgentId}' failed in run '{RunId}'.")]
    private static partial void LogModelFailed(ILogger logger, Exception exception, string agentId, string runId);
}
