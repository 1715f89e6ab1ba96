using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Agno.Hooks;

/// <summary>
/// Checks, when the host starts, that every service a registered owner's hooks resolve is registered,
/// so a missing one stops start-up with the hook's and the parameter's names instead of failing a run.
/// </summary>
internal sealed class HookOwnerValidator(IEnumerable<IHookOwner> owners, IEnumerable<IHookOwnerSource> sources, IServiceProviderIsService isService) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        List<string>? problems = null;

        // An owner may be both registered and listed by a source; check it once.
        var seen = new HashSet<IHookOwner>(ReferenceEqualityComparer.Instance);
        foreach (var owner in owners.Concat(sources.SelectMany(source => source.Owners)))
        {
            if (seen.Add(owner))
            {
                Check(owner, ref problems);
            }
        }

        return problems is null
            ? Task.CompletedTask
            : throw new InvalidOperationException("Some hooks can't be bound:" + Environment.NewLine + string.Join(Environment.NewLine, problems));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void Check(IHookOwner owner, ref List<string>? problems)
    {
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

        foreach (var child in owner.Children)
        {
            Check(child, ref problems);
        }
    }
}
