using Microsoft.Extensions.AI;

namespace Agno.Hooks;

/// <summary>
/// An agent: inline pre-hooks, then the model, then inline post-hooks. Background hooks get copies
/// and are queued once the run is over, unless a check rejected it.
/// </summary>
public sealed class Agent : Runnable, IToolHookOwner, IModelHookOwner
{
    public Agent(string id)
        : base(id)
    {
        PreToolHooks = new HookList(this, HookStage.PreToolCall);
        PostToolHooks = new HookList(this, HookStage.PostToolCall);
        ToolHooks = new HookList(this, HookStage.ToolCall);
        PreModelHooks = new HookList(this, HookStage.PreModelCall);
        PostModelHooks = new HookList(this, HookStage.PostModelCall);
        ModelHooks = new HookList(this, HookStage.ModelCall);
    }

    /// <summary>
    /// The model: any <see cref="IChatClient"/>. Required; there is no silent default. For offline examples and
    /// tests, choose <see cref="OfflineChatClient"/> explicitly.
    /// </summary>
    public IChatClient? Model { get; init; }

    /// <summary>The system prompt.</summary>
    public string? Instructions { get; init; }

    /// <summary>
    /// What the model's answer must be, such as <c>ChatResponseFormat.ForJsonSchema&lt;T&gt;()</c> for structured
    /// output (the content is then that JSON); null for plain text.
    /// </summary>
    public ChatResponseFormat? ResponseFormat { get; init; }

    /// <summary>
    /// The tools the model may call: any M.E.AI <see cref="AITool"/>, such as an <see cref="AIFunction"/> (from
    /// <c>AIFunctionFactory.Create</c>) or an MCP server's tools (<c>McpClient.ListToolsAsync</c>). The calls run in M.E.AI's
    /// <see cref="FunctionInvokingChatClient"/> loop; each is recorded in <see cref="RunOutput.Tools"/>.
    /// </summary>
    public IList<AITool> Tools { get; } = new List<AITool>();

    /// <summary>
    /// The most tool calls one run may make (Agno's <c>tool_call_limit</c>); null: no limit. A call past it is not run: the
    /// model is told so, and is then asked without tools, to answer.
    /// </summary>
    public int? ToolCallLimit { get; init; }

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

    public override HookOwnerKind Kind => HookOwnerKind.Agent;

    internal override string? ConfigurationProblem => Model is null
        ? $"Agent '{Id}' has no Model: set Model to an IChatClient (new OfflineChatClient() for a deterministic offline model)."
        : ToolCallLimit < 0 ? $"Agent '{Id}' has ToolCallLimit {ToolCallLimit}: it must be 0 or more (null for no limit)."
        : null;

    /// <summary>Names the model from the start, so <see cref="RunEventKind.RunStarted"/> carries it, as Agno's does.</summary>
    private protected override RunOutput CreateOutput(HookRun run)
    {
        var metadata = Model?.GetService<ChatClientMetadata>();
        return new RunOutput(run.Run, this, run.Pipeline.Time.GetUtcNow())
        {
            Model = metadata?.DefaultModelId,
            ModelProvider = metadata?.ProviderName,
        };
    }

    private protected override ValueTask ExecuteAsync(HookRun run) =>
        ModelCall.ExecuteAsync(run, ModelWithTools(), BuildMessages(run.Input), ChatOptions());

    private protected override IAsyncEnumerable<RunEvent> ExecuteStreamingAsync(HookRun run) =>
        ModelCall.RunAsync(run, ModelWithTools(), BuildMessages(run.Input), ChatOptions());

    private ToolLoop? _toolLoop;

    private IChatClient ModelWithTools() => ToolLoop.Around(ref _toolLoop, Model!, Tools, ToolCallLimit, this);

    private ChatOptions? ChatOptions() => ToolLoop.Options(Tools, ResponseFormat);

    // An array of the exact size, not a list: no list object, and a model that enumerates it through IEnumerable<T> (as
    // LINQ does) gets the array's enumerator, which the JIT can keep off the heap, not a List<T> enumerator boxed per run.
    private ChatMessage[] BuildMessages(RunInput input)
    {
        // Read without making the input's history: most runs have none.
        var history = input.MessagesIfMade;
        var system = string.IsNullOrWhiteSpace(Instructions) ? 0 : 1;
        var messages = new ChatMessage[system + (history?.Count ?? 0) + 1];
        if (system == 1)
        {
            messages[0] = new ChatMessage(ChatRole.System, Instructions);
        }

        for (var i = 0; i < (history?.Count ?? 0); i++)
        {
            messages[system + i] = new ChatMessage(new ChatRole(history![i].Role), history[i].Text);
        }

        messages[^1] = new ChatMessage(ChatRole.User, input.Content);
        return messages;
    }
}
