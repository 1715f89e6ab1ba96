using Microsoft.Extensions.Options;

namespace Agno.Hooks.AgentOS;

/// <summary>Rejects settings AgentOS can't serve with, at start-up rather than at the first request.</summary>
internal sealed class AgentOSOptionsValidator : IValidateOptions<AgentOSOptions>
{
    public ValidateOptionsResult Validate(string? name, AgentOSOptions options)
    {
        List<string>? failures = null;
        if (options.MaxRequestBodySize < 1)
        {
            (failures ??= []).Add($"{nameof(AgentOSOptions.MaxRequestBodySize)} must be at least 1 byte (was {options.MaxRequestBodySize}).");
        }

        if (options.RecentHookRunsCapacity < 1)
        {
            (failures ??= []).Add($"{nameof(AgentOSOptions.RecentHookRunsCapacity)} must be at least 1 (was {options.RecentHookRunsCapacity}).");
        }

        if (string.IsNullOrWhiteSpace(options.Id))
        {
            (failures ??= []).Add($"{nameof(AgentOSOptions.Id)} can't be empty.");
        }

        CheckOsWideHooks(options.PreHooks, HookStages.Pre, "PreHooks", ref failures);
        CheckOsWideHooks(options.PostHooks, HookStages.Post, "PostHooks", ref failures);
        return failures is null ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckOsWideHooks(IList<HookDescriptor> hooks, HookStages stage, string list, ref List<string>? failures)
    {
        foreach (var hook in hooks)
        {
            if (hook is null)
            {
                (failures ??= []).Add($"{list} holds a null hook.");
            }
            else if ((hook.Stages & stage) == 0)
            {
                (failures ??= []).Add(hook.Parameters.Any(p => p.Kind is HookParameterKind.ToolCall or HookParameterKind.Next)
                    ? $"Hook '{hook.Name}' can't be in {list}: it binds a tool call, which only an agent's or team's tool hooks have."
                    : $"Hook '{hook.Name}' can't be in {list}: it binds the run's output, which only post-hooks have.");
            }
            else if (hook.OwnerKind != HookOwnerKind.Any)
            {
                (failures ??= []).Add($"Hook '{hook.Name}' can't be in {list}: it needs a {hook.OwnerKind.ToString().ToLowerInvariant()} as its owner, and OS-wide hooks run for every agent, team and workflow.");
            }
            else if (hook.Guardrail && hook.RunInBackground)
            {
                (failures ??= []).Add($"Hook '{hook.Name}' can't be in {list}: it is both a guardrail and a background hook.");
            }
        }
    }
}
