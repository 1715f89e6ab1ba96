using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Text;
using Microsoft.Extensions.AI;

namespace Agno.Hooks;

/// <summary>
/// Agno's hooks around any <see cref="IChatClient"/>: a <see cref="DelegatingChatClient"/> whose every call is a run of
/// the public driver (<see cref="HookPipeline.RunAsync"/>): the inline pre-hooks (guardrails first) on a
/// <see cref="RunInput"/> made from the request, the inner client called with the input as the hooks left it, the inline
/// post-hooks on a <see cref="RunOutput"/> made from the response, and the background hooks' copies handed over once the
/// run is over. Made by <c>ChatClientBuilder.UseAgnoHooks</c>.
/// </summary>
/// <remarks>
/// <para>The request's last user message is <see cref="RunInput.Content"/>; the messages before it are
/// <see cref="RunInput.Messages"/> (for reading: only changes to <see cref="RunInput.Content"/> reach the inner client).
/// The response's text, usage, model id and response id make the <see cref="RunOutput"/>; an inline post-hook's change to
/// <see cref="RunOutput.Content"/> replaces the response's text.</para>
/// <para>A check that rejects the run is not thrown: the answer is a response whose text is the check's message, with
/// <see cref="ChatFinishReason.ContentFilter"/> and Agno's error fields (<see cref="HookRejection"/>); a rejected input never
/// reaches the inner client, and a rejected run queues no background hook. An exception of the inner client fails the run
/// (what passed the guardrails still runs in the background) and is then thrown to the caller.</para>
/// <para>Streaming passes each update on as the output guardrails let its text out (<see cref="IStreamingOutputGuardrail"/>:
/// the text each holds back, or the whole answer until the post stage for one that can't check as it streams), with the
/// checked text; the post-hooks run after the last one. An output check that rejects a streamed run ends it with one more
/// update that carries the rejection, as Agno's <c>RunError</c> follows its content events, and nothing it rejected goes out.</para>
/// </remarks>
public sealed class AgnoHooksChatClient : DelegatingChatClient, IToolHookOwner, IModelHookOwner
{
    private readonly IServiceProvider? _services;
    private HookPipeline? _pipeline;

    /// <param name="innerClient">The client the hooks wrap.</param>
    /// <param name="id">The owner's id, in logs, spans and background executions.</param>
    /// <param name="services">What hooks resolve services from, and where the pipeline (settings, background queue) comes from.</param>
    public AgnoHooksChatClient(IChatClient innerClient, string id = "chat-client", IServiceProvider? services = null)
        : base(innerClient)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        Id = id;
        _services = services;
        PreHooks = new HookList(this, HookStage.Pre);
        PostHooks = new HookList(this, HookStage.Post);
        PreToolHooks = new HookList(this, HookStage.PreToolCall);
        PostToolHooks = new HookList(this, HookStage.PostToolCall);
        ToolHooks = new HookList(this, HookStage.ToolCall);
        PreModelHooks = new HookList(this, HookStage.PreModelCall);
        PostModelHooks = new HookList(this, HookStage.PostModelCall);
        ModelHooks = new HookList(this, HookStage.ModelCall);
    }

    public string Id { get; }

    public string? Name { get; init; }

    /// <summary>An agent's: hooks that bind <see cref="Agent"/> itself can't be attached here, hooks that bind <see cref="IHookOwner"/> can.</summary>
    public HookOwnerKind Kind => HookOwnerKind.Agent;

    public HookList PreHooks { get; }

    public HookList PostHooks { get; }

    /// <inheritdoc/>
    public HookList PreToolHooks { get; }

    /// <inheritdoc/>
    public HookList PostToolHooks { get; }

    /// <inheritdoc/>
    public HookList ToolHooks { get; }

    /// <inheritdoc/>
    public HookList PreModelHooks { get; }

    /// <inheritdoc/>
    public HookList PostModelHooks { get; }

    /// <inheritdoc/>
    public HookList ModelHooks { get; }

    /// <summary>The most tool calls one request may make (Agno's <c>tool_call_limit</c>); null: no limit.</summary>
    public int? ToolCallLimit { get; init; }

    private ToolLoop? _loop;

    /// <summary>
    /// The client a request goes to. With tools in the request, the tool loop: this layer's own (M.E.AI's
    /// <see cref="FunctionInvokingChatClient"/> over the inner client, with the model hooks under it), or the pipeline's own
    /// loop under this layer, whose function invoking it takes over for the tool hooks (model hooks then can't run under it).
    /// </summary>
    private IChatClient ModelFor(ChatOptions? options)
    {
        if (InnerClient.GetService<FunctionInvokingChatClient>() is { } pipelineLoop)
        {
            if (RunModel.IsHooked(this))
            {
                throw new InvalidOperationException($"'{Id}' has model hooks, which run at each request of the tool loop, but its pipeline has its own loop under UseAgnoHooks (UseFunctionInvocation()): remove it; UseAgnoHooks runs M.E.AI's FunctionInvokingChatClient itself, with the model hooks under it.");
            }

            pipelineLoop.UseAgnoToolHooks(ToolCallLimit);
            return InnerClient;
        }

        return ToolLoop.Around(ref _loop, InnerClient, options?.Tools ?? [], ToolCallLimit, this);
    }

    /// <summary>Resolved at the first call, not when the client is built, so building it inside a container's factory resolves nothing more.</summary>
    private HookPipeline Pipeline => _pipeline ??= HookPipeline.From(_services);

    /// <summary>Throws when a background hook has nowhere to go: no <c>AddAgnoHooks()</c> in the services given.</summary>
    public void EnsureBackgroundDestination()
    {
        if (!HookPipeline.HasBackgroundDestination(_services) && HookPipeline.HasBackgroundHooks(this, HookPipeline.OptionsFrom(_services).RunHooksInBackground))
        {
            throw new InvalidOperationException($"'{Id}' has background hooks but nowhere to run them: call services.AddAgnoHooks() and build the chat client with those services (ChatClientBuilder.Build(services)).");
        }
    }

    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var work = new InnerCall(this, messages, options);
        var output = await Pipeline.RunAsync(this, ChatRunInput.ContentOf(work.Request), work, work.RunOptions(_services), cancellationToken).ConfigureAwait(false);
        work.Failure?.Throw();
        if (HookRejection.From(output) is { } rejection)
        {
            return new ChatResponse(new ChatMessage(ChatRole.Assistant, rejection.Message))
            {
                FinishReason = ChatFinishReason.ContentFilter,
                AdditionalProperties = rejection.WriteTo(null),
            };
        }

        var response = work.Response!;
        if (output.Content != work.Text)
        {
            response.Messages = [new ChatMessage(ChatRole.Assistant, output.Content) { AuthorName = response.Messages.LastOrDefault()?.AuthorName }];
        }

        return response;
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var work = new InnerCall(this, messages, options);
        ChatResponseUpdate? last = null;
        await foreach (var runEvent in Pipeline.RunStreamingAsync(this, ChatRunInput.ContentOf(work.Request), work, work.RunOptions(_services), cancellationToken).ConfigureAwait(false))
        {
            if (runEvent.Kind == RunEventKind.RunContent)
            {
                // The event's text is what the output guardrails let out; the inner update's may not be.
                var inner = runEvent.RawRepresentation as ChatResponseUpdate;
                last = inner ?? last;
                if (CheckedUpdates.For(runEvent, inner, last) is { } update)
                {
                    yield return update;
                }
            }
            else if (runEvent.Kind == RunEventKind.RunError && HookRejection.From(runEvent.Output!) is { } rejection)
            {
                yield return new ChatResponseUpdate(ChatRole.Assistant, rejection.Message)
                {
                    FinishReason = ChatFinishReason.ContentFilter,
                    AdditionalProperties = rejection.WriteTo(null),
                };
            }
        }

        work.Failure?.Throw();
    }

    /// <summary>One call of the inner client, as the run's work: what it answered, or how it failed.</summary>
    private sealed class InnerCall(AgnoHooksChatClient owner, IEnumerable<ChatMessage> messages, ChatOptions? options) : RunWork
    {
        public IReadOnlyList<ChatMessage> Request { get; } = messages as IReadOnlyList<ChatMessage> ?? [.. messages];

        public ChatResponse? Response { get; private set; }

        /// <summary>The answer's text as the inner client gave it, before any post-hook.</summary>
        public string? Text { get; private set; }

        public ExceptionDispatchInfo? Failure { get; private set; }

        public RunOptions RunOptions(IServiceProvider? services) => new()
        {
            SessionId = options?.ConversationId,
            Messages = ChatRunInput.HistoryOf(Request),
            Services = services,
        };

        public override RunOutput CreateOutput(HookRun run)
        {
            var output = base.CreateOutput(run);
            var metadata = owner.InnerClient.GetService<ChatClientMetadata>();
            output.Model = metadata?.DefaultModelId;
            output.ModelProvider = metadata?.ProviderName;
            return output;
        }

        public override async ValueTask ExecuteAsync(HookRun run)
        {
            try
            {
                Response = await owner.ModelFor(options).GetResponseAsync(ChatRunInput.WithInput(Request, run.Input), options, run.CancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !run.CancellationToken.IsCancellationRequested)
            {
                Fail(run, exception);
                return;
            }

            var output = run.Output;
            output.Content = Text = Response.Text;
            output.Model = Response.ModelId ?? output.Model;
            output.ResponseId = Response.ResponseId;
            output.Metrics.AddUsage(Response.Usage);
        }

        public override async IAsyncEnumerable<RunEvent> ExecuteStreamingAsync(HookRun run)
        {
            var output = run.Output;
            var text = new StringBuilder();
            await foreach (var update in UntilFailureAsync(owner.ModelFor(options).GetStreamingResponseAsync(ChatRunInput.WithInput(Request, run.Input), options, run.CancellationToken), run, Fail).ConfigureAwait(false))
            {
                text.Append(update.Text);
                if (update.ModelId is { } modelId)
                {
                    output.Model = modelId;
                }

                output.ResponseId ??= update.ResponseId;
                output.Metrics.AddUsage(update.Contents);
                yield return run.Event(RunEventKind.RunContent, update.Text, rawRepresentation: update);
            }

            if (output.Status == RunStatus.Error)
            {
                yield break;
            }

            output.Content = Text = text.ToString();
            yield return run.Event(RunEventKind.RunContentCompleted);
        }

        /// <summary>The run fails (what passed the guardrails still runs), and the caller gets the exception once the run is over.</summary>
        private void Fail(HookRun run, Exception exception)
        {
            Failure = ExceptionDispatchInfo.Capture(exception);
            run.Fail("model_error", "The model call failed.");
        }
    }
}
