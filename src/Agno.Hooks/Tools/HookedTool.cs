using Microsoft.Extensions.AI;

namespace Agno.Hooks;

/// <summary>
/// A tool with hooks of its own (Agno's per-tool <c>pre_hook</c> and <c>post_hook</c>): they run at its calls, whichever
/// owner's model makes them, with that owner's tool hooks. Before the call the owner's run first, then the tool's; around
/// it the owner's are outermost; after it the tool's run first, then the owner's. Guardrails first at each stage.
/// </summary>
/// <remarks>
/// Its hooks can't bind one kind of owner (an <see cref="Agent"/>, say): a tool may be given to any. Wrap any
/// <see cref="AIFunction"/>, an MCP server's tools included: <c>new HookedTool(mcpTool) { PreToolHooks = { ... } }</c>.
/// </remarks>
public sealed class HookedTool : DelegatingAIFunction
{
    public HookedTool(AIFunction tool)
        : base(tool)
    {
        var owner = new ToolOwner(tool.Name);
        PreToolHooks = new HookList(owner, HookStage.PreToolCall);
        PostToolHooks = new HookList(owner, HookStage.PostToolCall);
        ToolHooks = new HookList(owner, HookStage.ToolCall);
    }

    /// <summary>Before each call of this tool: they may change its arguments, refuse it, or reject the run.</summary>
    public HookList PreToolHooks { get; }

    /// <summary>After each call of this tool: they may change its result before the model sees it, or reject the run.</summary>
    public HookList PostToolHooks { get; }

    /// <summary>Around each call of this tool, inside the owner's: each gets the next step (<see cref="HookNext"/>).</summary>
    public HookList ToolHooks { get; }

    /// <summary>What the tool's hook lists check their hooks against: an owner of any kind, named after the tool.</summary>
    private sealed class ToolOwner(string name) : IHookOwner
    {
        public string Id => $"tool '{name}'";

        public string? Name => name;

        public HookOwnerKind Kind => HookOwnerKind.Any;

        public HookList PreHooks => throw new NotSupportedException();

        public HookList PostHooks => throw new NotSupportedException();
    }
}
