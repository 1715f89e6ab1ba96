using Microsoft.Extensions.AI;

namespace Agno.Hooks;

/// <summary>Every hook an owner runs: its run hooks, its tool and model hooks, and its tools' own (<see cref="HookedTool"/>).</summary>
internal static class OwnerHooks
{
    /// <summary>
    /// Whether any hook of <paramref name="owner"/> runs in the background under the switch; without allocating, as every
    /// run without a destination asks. Tool and model hooks run inline whatever the switch says: only a hook after a tool
    /// call that says <see cref="HookDescriptor.RunInBackground"/> itself goes to the background.
    /// </summary>
    public static bool AnyBackground(IHookOwner owner, bool runHooksInBackground)
    {
        if (AnyBackground(owner.PreHooks, runHooksInBackground) || AnyBackground(owner.PostHooks, runHooksInBackground))
        {
            return true;
        }

        if (owner is IToolHookOwner tools && AnyBackground(tools.PostToolHooks, runHooksInBackground: false))
        {
            return true;
        }

        var ownTools = (owner as Agent)?.Tools ?? (owner as Team)?.Tools;
        for (var i = 0; i < (ownTools?.Count ?? 0); i++)
        {
            if (ownTools![i].GetService(typeof(HookedTool)) is HookedTool hooked && AnyBackground(hooked.PostToolHooks, runHooksInBackground: false))
            {
                return true;
            }
        }

        return false;
    }

    private static bool AnyBackground(HookList list, bool runHooksInBackground)
    {
        foreach (var hook in list.Snapshot())
        {
            if (HookRun.IsBackground(hook, runHooksInBackground))
            {
                return true;
            }
        }

        return false;
    }

    public static IEnumerable<HookDescriptor> All(IHookOwner owner)
    {
        foreach (var list in Lists(owner))
        {
            foreach (var hook in list.Snapshot())
            {
                yield return hook;
            }
        }
    }

    private static IEnumerable<HookList> Lists(IHookOwner owner)
    {
        yield return owner.PreHooks;
        yield return owner.PostHooks;
        if (owner is IToolHookOwner tools)
        {
            yield return tools.PreToolHooks;
            yield return tools.PostToolHooks;
            yield return tools.ToolHooks;
        }

        if (owner is IModelHookOwner models)
        {
            yield return models.PreModelHooks;
            yield return models.PostModelHooks;
            yield return models.ModelHooks;
        }

        var ownTools = owner switch
        {
            Agent agent => agent.Tools,
            Team team => team.Tools,
            _ => (IList<AITool>)[],
        };
        foreach (var tool in ownTools)
        {
            if (tool.GetService(typeof(HookedTool)) is HookedTool hooked)
            {
                yield return hooked.PreToolHooks;
                yield return hooked.PostToolHooks;
                yield return hooked.ToolHooks;
            }
        }
    }
}
