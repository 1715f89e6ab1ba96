using Microsoft.Extensions.AI;

namespace Agno.Hooks;

/// <summary>
/// An owner's model with its tools: M.E.AI's <see cref="FunctionInvokingChatClient"/> over the model with its hooks
/// (<see cref="RunModel"/>), whose function invoker is the owner's <see cref="ToolInvoker"/>: each call recorded in the
/// current run, with its hooks, within the owner's call limit.
/// </summary>
internal sealed class ToolLoop
{
    public ToolLoop(IChatClient model, int? limit)
    {
        var invoker = new ToolInvoker(limit);
        Model = new RunModel(model, invoker.LimitReached);
        Client = new FunctionInvokingChatClient(Model)
        {
            FunctionInvoker = invoker.InvokeAsync,
        };
    }

    /// <summary>The model with its hooks, under the loop.</summary>
    public RunModel Model { get; }

    /// <summary>The model with its tool-calling loop.</summary>
    public IChatClient Client { get; }

    /// <summary>
    /// An owner's model as its runs call it (made once, in <paramref name="loop"/>): in a tool loop when it has tools, with
    /// its model hooks when it has those, else the model itself.
    /// </summary>
    public static IChatClient Around(ref ToolLoop? loop, IChatClient model, IList<AITool> tools, int? limit, IHookOwner owner) =>
        tools.Count > 0 ? (loop ??= new ToolLoop(model, limit)).Client
        : RunModel.IsHooked(owner) ? (loop ??= new ToolLoop(model, limit)).Model
        : model;

    /// <summary>The options of an owner's model call: its tools (a copy: the list may change between runs) and response format.</summary>
    public static ChatOptions? Options(IList<AITool> tools, ChatResponseFormat? responseFormat = null) => responseFormat is null && tools.Count == 0
        ? null
        : new ChatOptions { ResponseFormat = responseFormat, Tools = tools.Count == 0 ? null : [.. tools] };
}
