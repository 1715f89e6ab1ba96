using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Extensions.AI;

namespace Agno.Hooks;

/// <summary>
/// Agno's hooks around any <see cref="IChatClient"/>: a <see cref="DelegatingChatClient"/> that runs the inline pre-hooks
/// (guardrails first) on a <see cref="RunInput"/> made from the request, calls the inner client with the input as the
/// hooks left it, runs the inline post-hooks on a <see cref="RunOutput"/> made from the response, and hands the
/// background hooks' copies to the background queue once the run is over. Made by <c>ChatClientBuilder.UseAgnoHooks</c>.
/// </summary>
/// <remarks>
/// <para>The request's last user message is <see cref="RunInput.Content"/>; the messages before it are
/// <see cref="RunInput.Messages"/> (for reading: only changes to <see cref="RunInput.Content"/> reach the inner client).
/// The response's text, usage, model id and response id make the <see cref="RunOutput"/>; an inline post-hook's change to
/// <see cref="RunOutput.Content"/> replaces the response's text.</para>
/// <para>A check that rejects the run is not thrown: the answer is a response whose text is the check's message, with
/// <see cref="ChatFinishReason.ContentFilter"/> and Agno's error fields (<see cref="HookRejection"/>); a rejected input never
/// reaches the inner client, and a rejected run queues no background hook.</para>
/// <para>Streaming passes each update on as it arrives; the post-hooks run after the last one. Their changes can't reach
/// text already sent, and an output check that rejects a streamed run ends it with one more update that carries the
/// rejection, as Agno's <c>RunError</c> follows its content events.</para>
/// </remarks>
public sealed class AgnoHooksChatClient : DelegatingChatClient, IHookOwner
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
    }

    public string Id { get; }

    public string? Name { get; init; }

    /// <summary>An agent's: hooks that bind <see cref="Agent"/> itself can't be attached here, hooks that bind <see cref="IHookOwner"/> can.</summary>
    public HookOwnerKind Kind => HookOwnerKind.Agent;

    public HookList PreHooks { get; }

    public HookList PostHooks { get; }

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
        var request = messages as IReadOnlyList<ChatMessage> ?? [.. messages];
        var hooks = StartRun(request, options, cancellationToken);
        if (!await hooks.ExecutePreHooksAsync().ConfigureAwait(false))
        {
            return Rejected(hooks.Rejection!);
        }

        ChatResponse response;
        try
        {
            response = await base.GetResponseAsync(ChatRunInput.WithInput(request, hooks.Input), options, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // A failure is not a rejection: what passed the guardrails still runs.
            await hooks.CompleteAsync(cancellationToken).ConfigureAwait(false);
            throw;
        }

        var text = response.Text;
        var output = CreateOutput(hooks, text, response.ModelId, response.ResponseId);
        output.Metrics.AddUsage(response.Usage);
        if (!await hooks.ExecutePostHooksAsync(output).ConfigureAwait(false))
        {
            return Rejected(hooks.Rejection!);
        }

        output.Status = RunStatus.Completed;
        await hooks.CompleteAsync(cancellationToken).ConfigureAwait(false);
        if (output.Content != text)
        {
            response.Messages = [new ChatMessage(ChatRole.Assistant, output.Content) { AuthorName = response.Messages.LastOrDefault()?.AuthorName }];
        }

        return response;
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var request = messages as IReadOnlyList<ChatMessage> ?? [.. messages];
        var hooks = StartRun(request, options, cancellationToken);
        if (!await hooks.ExecutePreHooksAsync().ConfigureAwait(false))
        {
            yield return RejectedUpdate(hooks.Rejection!);
            yield break;
        }

        var text = new StringBuilder();
        var usage = new UsageDetails();
        string? modelId = null;
        string? responseId = null;
        var updates = base.GetStreamingResponseAsync(ChatRunInput.WithInput(request, hooks.Input), options, cancellationToken).GetAsyncEnumerator(cancellationToken);
        try
        {
            while (true)
            {
                try
                {
                    if (!await updates.MoveNextAsync().ConfigureAwait(false))
                    {
                        break;
                    }
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    await hooks.CompleteAsync(cancellationToken).ConfigureAwait(false);
                    throw;
                }

                var update = updates.Current;
                text.Append(update.Text);
                modelId ??= update.ModelId;
                responseId ??= update.ResponseId;
                foreach (var content in update.Contents)
                {
                    if (content is UsageContent { Details: { } details })
                    {
                        usage.Add(details);
                    }
                }

                yield return update;
            }
        }
        finally
        {
            await updates.DisposeAsync().ConfigureAwait(false);
        }

        var output = CreateOutput(hooks, text.ToString(), modelId, responseId);
        output.Metrics.AddUsage(usage);
        if (!await hooks.ExecutePostHooksAsync(output).ConfigureAwait(false))
        {
            yield return RejectedUpdate(hooks.Rejection!);
            yield break;
        }

        output.Status = RunStatus.Completed;
        await hooks.CompleteAsync(cancellationToken).ConfigureAwait(false);
    }

    private HookRun StartRun(IReadOnlyList<ChatMessage> request, ChatOptions? options, CancellationToken cancellationToken)
    {
        var run = new RunContext(Guid.NewGuid().ToString(), string.IsNullOrEmpty(options?.ConversationId) ? Guid.NewGuid().ToString() : options.ConversationId);
        var input = ChatRunInput.From(request, run);
        return Pipeline.StartRun(this, run, input, new HookRunOptions { Services = _services }, cancellationToken);
    }

    private RunOutput CreateOutput(HookRun hooks, string text, string? modelId, string? responseId)
    {
        var metadata = InnerClient.GetService<ChatClientMetadata>();
        return new RunOutput
        {
            RunId = hooks.Run.RunId,
            SessionId = hooks.Run.SessionId,
            UserId = hooks.Run.UserId,
            OwnerId = Id,
            OwnerName = Name,
            CreatedAt = Pipeline.Time.GetUtcNow(),
            Metadata = hooks.Run.Metadata,
            Content = text,
            Model = modelId ?? metadata?.DefaultModelId,
            ModelProvider = metadata?.ProviderName,
            ResponseId = responseId,
            Input = hooks.Input,
        };
    }

    private static ChatResponse Rejected(CheckException check)
    {
        var rejection = HookRejection.From(check);
        return new ChatResponse(new ChatMessage(ChatRole.Assistant, rejection.Message))
        {
            FinishReason = ChatFinishReason.ContentFilter,
            AdditionalProperties = rejection.WriteTo(null),
        };
    }

    private static ChatResponseUpdate RejectedUpdate(CheckException check)
    {
        var rejection = HookRejection.From(check);
        return new ChatResponseUpdate(ChatRole.Assistant, rejection.Message)
        {
            FinishReason = ChatFinishReason.ContentFilter,
            AdditionalProperties = rejection.WriteTo(null),
        };
    }
}
