using Microsoft.Extensions.AI;

namespace Agno.Hooks.Tests.Support;

/// <summary>Tool and model hooks as users write them: the generator binds their tool call, model request and next step.</summary>
public static partial class CallHooks
{
    [Hook]
    public static void ToBerlin(ToolCall call) => call.Arguments["city"] = "Berlin";

    [Hook]
    public static void Bracket(ToolCall call) => call.Result = $"[{call.Result}]";

    [Hook]
    public static async ValueTask TimeAsync(ToolCall call, HookNext next, HookLog log)
    {
        log.Add($"before {call.Name}({call.Arguments["city"]})");
        await next();
        log.Add($"after {call.Name}: {call.Result}");
    }

    [Hook]
    public static void Shout(ModelRequest request) =>
        request.Messages[^1] = new ChatMessage(ChatRole.User, request.Messages[^1].Text.ToUpperInvariant());

    [Hook]
    public static void Check(ModelRequest request) => request.Response!.Messages[^1].Contents.Add(new TextContent(" -- checked"));

    [Hook]
    public static async Task CountTurnsAsync(ModelRequest request, HookNext next, HookLog log)
    {
        log.Add($"model in({request.Messages.Count})");
        await next();
        log.Add($"model out: {request.Response?.Text}");
    }

    /// <summary>Around any call, tool or model: what a tracing hook looks like.</summary>
    [Hook]
    public static async ValueTask TraceAsync(HookNext next, HookLog log)
    {
        log.Add("trace in");
        await next();
        log.Add("trace out");
    }

    /// <summary>After each tool call, in the background: an audit of the call's record as it ended.</summary>
    [Hook(RunInBackground = true)]
    public static void AuditCall(ToolExecution tool, BackgroundExecutionInfo execution, HookLog log) =>
        log.Add($"audit {tool.ToolName}({tool.ToolArgs?["city"]}): {tool.Result}, attempt {execution.Attempt}");
}
