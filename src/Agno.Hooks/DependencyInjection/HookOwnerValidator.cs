using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Agno.Hooks;

/// <summary>
/// Checks every registered owner's hooks when the host starts: a service a hook resolves that is not
/// registered stops start-up with the hook's and the parameter's names, instead of failing a run; and with
/// <see cref="AgnoHooksOptions.RunHooksInBackground"/> on, each hook whose writes that setting will discard
/// gets a warning, since the analyzer can't see that setting at compile time.
/// </summary>
internal sealed partial class HookOwnerValidator(
    IEnumerable<IHookOwner> owners,
    IEnumerable<IHookOwnerSource> sources,
    IServiceProviderIsService isService,
    IOptions<AgnoHooksOptions> options,
    ILogger<HookOwnerValidator> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        List<string>? problems = null;

        // An owner may be both registered and listed by a source, or be a member of another; check it once.
        var seen = new HashSet<IHookOwner>(ReferenceEqualityComparer.Instance);
        foreach (var owner in owners.Concat(sources.SelectMany(source => source.Owners)))
        {
            Check(owner, seen, ref problems);
        }

        return problems is null
            ? Task.CompletedTask
            : throw new InvalidOperationException("Some hooks can't be bound:" + Environment.NewLine + string.Join(Environment.NewLine, problems));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void Check(IHookOwner owner, HashSet<IHookOwner> seen, ref List<string>? problems)
    {
        if (!seen.Add(owner))
        {
            return;
        }

        foreach (var hook in owner.PreHooks.Concat(owner.PostHooks))
        {
            if (hook.TargetType is { } target && !isService.IsService(target))
            {
                (problems ??= []).Add($"- Hook '{hook.Name}' of '{owner.Id}' is an instance method of {target.Name}, which is not registered (AddAgnoHooksFrom registers hook classes).");
            }

            foreach (var parameter in hook.Parameters)
            {
                if (parameter.Kind == HookParameterKind.Service && !isService.IsService(parameter.Type))
                {
                    (problems ??= []).Add($"- Hook '{hook.Name}' of '{owner.Id}': parameter '{parameter.Name}' needs a {parameter.Type.Name}, which is not registered.");
                }
            }
        }

        if (options.Value.RunHooksInBackground)
        {
            WarnOfDiscardedWrites(owner, owner.PreHooks, HookStage.Pre);
            WarnOfDiscardedWrites(owner, owner.PostHooks, HookStage.Post);
        }

        foreach (var child in owner.Children)
        {
            Check(child, seen, ref problems);
        }
    }

    // Hooks marked RunInBackground were already reported at compile time (AGNH001/AGNH002); guardrails stay inline.
    private void WarnOfDiscardedWrites(IHookOwner owner, HookList hooks, HookStage stage)
    {
        foreach (var hook in hooks)
        {
            if (hook.Guardrail || hook.RunInBackground)
            {
                continue;
            }

            if (hook.MutatesInput && stage == HookStage.Pre)
            {
                LogDiscardedWrite(hook.Name, owner.Id, "pre-hook", nameof(RunInput));
            }

            if (hook.MutatesOutput && stage == HookStage.Post)
            {
                LogDiscardedWrite(hook.Name, owner.Id, "post-hook", nameof(RunOutput));
            }
        }
    }

    [LoggerMessage(50, LogLevel.Warning, "Hook '{HookName}' ({Stage} of '{OwnerId}') writes {Target}, but RunHooksInBackground sends it to the background, where it gets a copy: its changes are discarded. Make it a guardrail to keep it inline, or stop writing.")]
    private partial void LogDiscardedWrite(string hookName, string ownerId, string stage, string target);
}
