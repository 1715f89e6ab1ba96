using System;
using System.Collections.Generic;
using System.Linq;

namespace Agno.Hooks.Generators.Model;

/// <summary>The hook lists a hook can be in; mirrors the runtime's <c>HookStages</c>.</summary>
[Flags]
internal enum HookStages
{
    None = 0,
    Pre = 1,
    Post = 2,
    PreToolCall = 4,
    PostToolCall = 8,
    ToolCall = 16,
    PreModelCall = 32,
    PostModelCall = 64,
    ModelCall = 128,
    ToolCalls = PreToolCall | PostToolCall | ToolCall,
    ModelCalls = PreModelCall | PostModelCall | ModelCall,
    Any = Pre | Post | ToolCalls | ModelCalls,
}

/// <summary>
/// Where a hook can be attached, from what it binds: the runtime's rules (<c>HookDescriptor.Stages</c> and
/// <c>HookList</c>'s check) at compile time, for the descriptor's documentation and the attachment analyzer.
/// </summary>
internal static class HookPlacement
{
    /// <summary>The owners' hook lists, by property name (<c>IHookOwner</c>, <c>IToolHookOwner</c>, <c>IModelHookOwner</c>), in the order they are listed.</summary>
    public static IReadOnlyList<(string Name, HookStages Stage)> Lists { get; } =
    [
        ("PreHooks", HookStages.Pre),
        ("PostHooks", HookStages.Post),
        ("PreToolHooks", HookStages.PreToolCall),
        ("PostToolHooks", HookStages.PostToolCall),
        ("ToolHooks", HookStages.ToolCall),
        ("PreModelHooks", HookStages.PreModelCall),
        ("PostModelHooks", HookStages.PostModelCall),
        ("ModelHooks", HookStages.ModelCall),
    ];

    /// <summary>The kinds of argument that exist only in some lists, in the order messages name them.</summary>
    public static IReadOnlyList<ParameterBinding> Restricting { get; } =
        [ParameterBinding.RunOutput, ParameterBinding.ToolCall, ParameterBinding.ToolExecution, ParameterBinding.ModelRequest, ParameterBinding.Next];

    /// <summary>What an argument of a <see cref="Restricting"/> kind is, for messages: "a tool call".</summary>
    public static string Describe(ParameterBinding binding) => binding switch
    {
        ParameterBinding.RunOutput => "the run's output",
        ParameterBinding.ToolCall => "a tool call",
        ParameterBinding.ToolExecution => "a tool call's record",
        ParameterBinding.ModelRequest => "a model request",
        ParameterBinding.Next => "the next step",
        _ => binding.ToString(),
    };

    /// <summary>Where an argument of this kind exists: the output after the model (and while its tools run), a tool call at a tool call, the next step only around a call.</summary>
    public static HookStages Of(ParameterBinding binding) => binding switch
    {
        ParameterBinding.RunOutput => HookStages.Post | HookStages.ToolCalls | HookStages.ModelCalls,
        ParameterBinding.ToolCall or ParameterBinding.ToolExecution => HookStages.ToolCalls,
        ParameterBinding.ModelRequest => HookStages.ModelCalls,
        ParameterBinding.Next => HookStages.ToolCall | HookStages.ModelCall,
        _ => HookStages.Any,
    };

    /// <summary>
    /// Where a background hook can be: the run's edges, and after a tool call (on a copy of its record); the hooks before
    /// and around a call, and model hooks, run inline, at the call.
    /// </summary>
    public static HookStages BackgroundLists => HookStages.Pre | HookStages.Post | HookStages.PostToolCall;

    /// <summary>
    /// Where a background hook that binds an argument of this kind can be: after a tool call it gets copies of the call's
    /// record, the run's context and input, not what is live at the call (the call, the next step, a model request) nor
    /// the output (not finished then).
    /// </summary>
    public static HookStages OfBackground(ParameterBinding binding) => binding switch
    {
        ParameterBinding.ToolCall or ParameterBinding.ModelRequest or ParameterBinding.Next => HookStages.None,
        ParameterBinding.RunOutput => HookStages.Post,
        _ => Of(binding) & BackgroundLists,
    };

    /// <summary>Whether a background hook can't bind an argument of this kind anywhere: it is live at a call.</summary>
    public static bool IsLiveAtCall(ParameterBinding binding) =>
        binding is ParameterBinding.ToolCall or ParameterBinding.ModelRequest or ParameterBinding.Next;

    /// <summary>The lists a hook with these parameters can be in.</summary>
    public static HookStages Allowed(IEnumerable<ParameterBinding> bindings, bool runInBackground)
    {
        var stages = runInBackground ? BackgroundLists : HookStages.Any;
        foreach (var binding in bindings)
        {
            stages &= runInBackground ? OfBackground(binding) : Of(binding);
        }

        return stages;
    }

    /// <summary>The names of the lists in <paramref name="stages"/>: "PreHooks, PostHooks or ToolHooks".</summary>
    public static string ListNames(HookStages stages, string conjunction)
    {
        var names = new List<string>();
        foreach (var (name, stage) in Lists)
        {
            if ((stages & stage) != 0)
            {
                names.Add(name);
            }
        }

        return Join(names, conjunction);
    }

    /// <summary>"a", "a and b", "a, b and c".</summary>
    public static string Join(IReadOnlyList<string> items, string conjunction) =>
        items.Count <= 1 ? string.Concat(items) : string.Join(", ", items.Take(items.Count - 1)) + " " + conjunction + " " + items[items.Count - 1];

    /// <summary>The stage of an owner's list named <paramref name="propertyName"/>, or <see cref="HookStages.None"/>.</summary>
    public static HookStages StageOfList(string propertyName)
    {
        foreach (var (name, stage) in Lists)
        {
            if (name == propertyName)
            {
                return stage;
            }
        }

        return HookStages.None;
    }
}
