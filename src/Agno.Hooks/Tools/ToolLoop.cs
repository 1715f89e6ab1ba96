using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace Agno.Hooks;

/// <summary>
/// An owner's model with its tools: M.E.AI's <see cref="FunctionInvokingChatClient"/> over the model, whose function
/// invoker records each call in the current run (<see cref="RunOutput.Tools"/>) and keeps to the owner's call limit. Under
/// it, once the limit is reached, the model is asked without tools, so it answers instead of asking again.
/// </summary>
internal sealed partial class ToolLoop
{
    /// <summary>What the model gets for a call past the limit.</summary>
    internal const string LimitReachedResult = "Tool call limit reached: this call was not run. Answer with what you have.";

    /// <summary>What the model, and the call's record, get for a tool that failed: the exception goes to the log, not to the model.</summary>
    internal const string FailedResult = "The tool failed.";

    private readonly int? _limit;

    public ToolLoop(IChatClient model, int? limit)
    {
        _limit = limit;
        Client = new FunctionInvokingChatClient(new LimitedModel(model, this))
        {
            FunctionInvoker = InvokeAsync,
        };
    }

    /// <summary>The model with its tool-calling loop.</summary>
    public IChatClient Client { get; }

    /// <summary>An owner's model: in a loop (made once, in <paramref name="loop"/>) when it has tools, else as it is.</summary>
    public static IChatClient Around(ref ToolLoop? loop, IChatClient model, IList<AITool> tools, int? limit) =>
        tools.Count == 0 ? model : (loop ??= new ToolLoop(model, limit)).Client;

    /// <summary>The options of an owner's model call: its tools (a copy: the list may change between runs) and response format.</summary>
    public static ChatOptions? Options(IList<AITool> tools, ChatResponseFormat? responseFormat = null) => responseFormat is null && tools.Count == 0
        ? null
        : new ChatOptions { ResponseFormat = responseFormat, Tools = tools.Count == 0 ? null : [.. tools] };

    /// <summary>The record of <paramref name="call"/> in <paramref name="run"/>'s output, made when first asked for.</summary>
    public static ToolExecution Record(HookRun run, FunctionCallContent call)
    {
        var tools = run.Output.Tools;
        foreach (var tool in tools)
        {
            if (tool.ToolCallId == call.CallId)
            {
                return tool;
            }
        }

        var record = new ToolExecution
        {
            ToolCallId = call.CallId,
            ToolName = call.Name,
            ToolArgs = Arguments(call.Arguments),
            CreatedAt = run.Pipeline.Time.GetUtcNow(),
        };
        tools.Add(record);
        return record;
    }

    /// <summary>The record of the call <paramref name="result"/> answers, if the run has one.</summary>
    public static ToolExecution? RecordOf(HookRun run, FunctionResultContent result)
    {
        foreach (var tool in run.Output.ToolsIfMade ?? [])
        {
            if (tool.ToolCallId == result.CallId)
            {
                return tool;
            }
        }

        return null;
    }

    private bool LimitReached(HookRun run) => _limit is { } limit && run.ToolCallCount >= limit;

    private async ValueTask<object?> InvokeAsync(FunctionInvocationContext context, CancellationToken cancellationToken)
    {
        if (HookRun.Current is not { } run)
        {
            return await context.Function.InvokeAsync(context.Arguments, cancellationToken).ConfigureAwait(false);
        }

        var record = Record(run, context.CallContent);
        if (LimitReached(run))
        {
            record.ToolCallError = true;
            record.Result = LimitReachedResult;
            return LimitReachedResult;
        }

        var hooks = run.Owner as IToolHookOwner;
        var call = new ToolCall(context.Function, context.Arguments, record);
        if (hooks is null || await run.ExecuteToolHooksAsync(hooks.PreToolHooks.Snapshot(), HookStage.PreToolCall, call).ConfigureAwait(false))
        {
            if (!call.IsRefused)
            {
                run.ToolCallCount++;
                record.ToolArgs = Arguments(call.Arguments);
                record.StartedAt = run.Pipeline.Time.GetUtcNow();
                await Around(run, hooks?.ToolHooks.Snapshot() ?? [], 0, call, cancellationToken)().ConfigureAwait(false);
            }

            if (!run.IsRejected && hooks is not null)
            {
                await run.ExecuteToolHooksAsync(hooks.PostToolHooks.Snapshot(), HookStage.PostToolCall, call).ConfigureAwait(false);
            }
        }

        if (run.IsRejected)
        {
            // A check rejected the run at this call: the loop ends here, and the run with the rejection.
            context.Terminate = true;
            record.ToolCallError = true;
            record.Result = run.Rejection!.Message;
            return record.Result;
        }

        record.ToolCallError = call.IsRefused || call.Exception is not null;
        record.Result = Text(call.Result);
        return call.Result;
    }

    /// <summary>The chain from hook <paramref name="index"/> around the call on: each hook gets the rest as its next step; the tool is last.</summary>
    private static HookNext Around(HookRun run, HookDescriptor[] hooks, int index, ToolCall call, CancellationToken cancellationToken) =>
        index == hooks.Length
            ? () => InvokeToolAsync(run, call, cancellationToken)
            : async () =>
            {
                // A rejection inside stops the chain: the hooks outside it don't take their next step again.
                if (!run.IsRejected)
                {
                    await run.ExecuteAroundToolHookAsync(hooks[index], call, Around(run, hooks, index + 1, call, cancellationToken)).ConfigureAwait(false);
                }
            };

    /// <summary>Runs the tool: its result, or its failure (logged; the model is told only that it failed).</summary>
    private static async ValueTask InvokeToolAsync(HookRun run, ToolCall call, CancellationToken cancellationToken)
    {
        var time = run.Pipeline.Time;
        var started = time.GetTimestamp();
        try
        {
            call.Result = await call.Function.InvokeAsync(call.Arguments, cancellationToken).ConfigureAwait(false);
            call.Exception = null;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogToolFailed(run.Pipeline.Logger, exception, call.Name, run.Owner.Id, run.Run.RunId);
            call.Exception = exception;
            call.Result = FailedResult;
        }
        finally
        {
            call.Duration = time.GetElapsedTime(started);
            call.Execution.Duration = call.Duration;
        }
    }

    /// <summary>The arguments as JSON: values from the model are JSON already; others are written as their text.</summary>
    private static JsonObject? Arguments(IDictionary<string, object?>? arguments)
    {
        if (arguments is null)
        {
            return null;
        }

        var json = new JsonObject();
        foreach (var (name, value) in arguments)
        {
            json[name] = Node(value);
        }

        return json;
    }

    private static JsonNode? Node(object? value) => value switch
    {
        null => null,
        JsonNode node => node.DeepClone(),
        JsonElement element => JsonNode.Parse(element.GetRawText()),
        string text => JsonValue.Create(text),
        bool flag => JsonValue.Create(flag),
        int number => JsonValue.Create(number),
        long number => JsonValue.Create(number),
        double number => JsonValue.Create(number),
        decimal number => JsonValue.Create(number),
        _ => JsonValue.Create(value.ToString()),
    };

    /// <summary>
    /// A tool's result as the model gets it: a text, or its JSON. Content (an MCP tool's result, as the SDK's client gives
    /// it: one content, or several, one for each block) is its text, a line for each; other content is its JSON.
    /// </summary>
    internal static string? Text(object? result) => result switch
    {
        null => null,
        string text => text,
        JsonElement element => element.ValueKind == JsonValueKind.String ? element.GetString() : element.GetRawText(),
        JsonNode node => node.ToJsonString(),
        TextContent content => content.Text,
        AIContent content => JsonSerializer.Serialize(content, AIJsonUtilities.DefaultOptions.GetTypeInfo(typeof(AIContent))),
        IEnumerable<AIContent> contents => string.Join('\n', contents.Select(Text)),
        _ => result.ToString(),
    };

    [LoggerMessage(LogEvents.ToolFailed, LogLevel.Error, "Tool '{ToolName}' of '{OwnerId}' failed in run '{RunId}'; the model is told it failed.")]
    private static partial void LogToolFailed(ILogger logger, Exception exception, string toolName, string ownerId, string runId);

    /// <summary>The model under the loop: asked without tools once the run has made as many calls as it may.</summary>
    private sealed class LimitedModel(IChatClient model, ToolLoop loop) : DelegatingChatClient(model)
    {
        public override Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            base.GetResponseAsync(messages, Limited(options), cancellationToken);

        public override IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            base.GetStreamingResponseAsync(messages, Limited(options), cancellationToken);

        private ChatOptions? Limited(ChatOptions? options)
        {
            if (options?.Tools is not { Count: > 0 } || HookRun.Current is not { } run || !loop.LimitReached(run))
            {
                return options;
            }

            var limited = options.Clone();
            limited.Tools = null;
            limited.ToolMode = ChatToolMode.None;
            return limited;
        }
    }
}
