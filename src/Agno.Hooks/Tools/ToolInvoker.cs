using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace Agno.Hooks;

/// <summary>
/// The function invoker of an owner's tool loop (<see cref="FunctionInvokingChatClient.FunctionInvoker"/>): for each call
/// in the current run, its record (<see cref="RunOutput.Tools"/>), the owner's tool hooks before, around and after it
/// (<see cref="IToolHookOwner"/>), and the owner's call limit. It invokes the tool itself, or through the invoker the loop
/// had before (a pipeline's own <see cref="FunctionInvokingChatClient"/> that it took over).
/// </summary>
internal sealed partial class ToolInvoker(int? limit, Func<FunctionInvocationContext, CancellationToken, ValueTask<object?>>? inner = null)
{
    /// <summary>What the model gets for a call past the limit.</summary>
    internal const string LimitReachedResult = "Tool call limit reached: this call was not run. Answer with what you have.";

    /// <summary>What the model, and the call's record, get for a tool that failed: the exception goes to the log, not to the model.</summary>
    internal const string FailedResult = "The tool failed.";

    /// <summary>
    /// Takes over the function invoking of <paramref name="client"/>, a pipeline's own loop, for an owner around it (once:
    /// the next call finds it taken). Its invoker, if it had one, still invokes the tools.
    /// </summary>
    public static void TakeOver(FunctionInvokingChatClient client, int? limit)
    {
        if (client.FunctionInvoker?.Target is ToolInvoker)
        {
            return;
        }

        client.FunctionInvoker = new ToolInvoker(limit, client.FunctionInvoker).InvokeAsync;
    }

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

    /// <summary>Whether the run has made all the tool calls it may: its model is then asked without tools.</summary>
    public bool LimitReached(HookRun run) => limit is { } most && run.ToolCallCount >= most;

    public async ValueTask<object?> InvokeAsync(FunctionInvocationContext context, CancellationToken cancellationToken)
    {
        if (HookRun.Current is not { } run)
        {
            return await Invoke(context, cancellationToken).ConfigureAwait(false);
        }

        var record = Record(run, context.CallContent);
        if (LimitReached(run))
        {
            record.ToolCallError = true;
            record.Result = LimitReachedResult;
            return LimitReachedResult;
        }

        // The owner's hooks, then the tool's own: before the call and around it the owner's come first (outermost); after
        // it the tool's do.
        var owner = run.Owner as IToolHookOwner;
        var tool = context.Function.GetService(typeof(HookedTool)) as HookedTool;
        var call = new ToolCall(context.Function, context.Arguments, record) { Invocation = context };
        HookDescriptor[]? after = null;
        var before = Join(owner?.PreToolHooks, tool?.PreToolHooks);
        if (await run.ExecuteCallHooksAsync(before, HookStage.PreToolCall, call).ConfigureAwait(false))
        {
            if (!call.IsRefused)
            {
                run.ToolCallCount++;
                if (before.Length > 0)
                {
                    // Only a hook before the call changes the arguments: the record has the model's already.
                    record.ToolArgs = Arguments(call.Arguments);
                }

                record.StartedAt = run.Pipeline.Time.GetUtcNow();
                var around = Join(owner?.ToolHooks, tool?.ToolHooks);
                await (around.Length == 0 ? InvokeToolAsync(run, call, cancellationToken) : Around(run, around, 0, call, cancellationToken)()).ConfigureAwait(false);
            }

            if (!run.IsRejected)
            {
                after = Join(tool?.PostToolHooks, owner?.PostToolHooks);
                await run.ExecuteCallHooksAsync(after, HookStage.PostToolCall, call).ConfigureAwait(false);
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
        if (after is { Length: > 0 })
        {
            run.CaptureAfterToolCall(after, record);
        }

        return call.Result;
    }

    private static HookDescriptor[] Join(HookList? first, HookList? second) =>
        (first?.Count ?? 0) == 0 ? second?.Snapshot() ?? []
        : (second?.Count ?? 0) == 0 ? first!.Snapshot()
        : [.. first!.Snapshot(), .. second!.Snapshot()];

    /// <summary>The chain from hook <paramref name="index"/> around the call on: each hook gets the rest as its next step; the tool is last.</summary>
    private HookNext Around(HookRun run, HookDescriptor[] hooks, int index, ToolCall call, CancellationToken cancellationToken) =>
        index == hooks.Length
            ? () => InvokeToolAsync(run, call, cancellationToken)
            : async () =>
            {
                // A rejection inside stops the chain: the hooks outside it don't take their next step again.
                if (!run.IsRejected)
                {
                    await run.ExecuteAroundHookAsync(hooks[index], run.CallContext(HookStage.ToolCall, call, next: Around(run, hooks, index + 1, call, cancellationToken))).ConfigureAwait(false);
                }
            };

    /// <summary>Runs the tool: its result, or its failure (logged; the model is told only that it failed).</summary>
    private async ValueTask InvokeToolAsync(HookRun run, ToolCall call, CancellationToken cancellationToken)
    {
        var time = run.Pipeline.Time;
        var started = time.GetTimestamp();
        try
        {
            call.Result = await Invoke(call.Invocation!, cancellationToken).ConfigureAwait(false);
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

    /// <summary>The tool, with the arguments as the hooks left them (the context's own: a hook changes them in place).</summary>
    private ValueTask<object?> Invoke(FunctionInvocationContext context, CancellationToken cancellationToken) =>
        inner is not null ? inner(context, cancellationToken) : context.Function.InvokeAsync(context.Arguments, cancellationToken);

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
}
