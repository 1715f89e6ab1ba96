using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Agno.Hooks;

/// <summary>
/// Checks every registered owner when the host starts: an agent or team without a model, or a service a hook
/// resolves that is not registered, stops start-up with the owner's, hook's and parameter's names, instead of
/// failing a run. (Writes to background copies are caught when they happen: see <see cref="BackgroundHookInvoker"/>.)
/// </summary>
internal sealed class HookOwnerValidator(
    IEnumerable<IHookOwner> owners,
    IEnumerable<IHookOwnerSource> sources,
    IServiceProviderIsService isService) : IHostedService
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
            : throw new InvalidOperationException("Some agents, teams, workflows or hooks are not set up right:" + Environment.NewLine + string.Join(Environment.NewLine, problems));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private bool IsRegistered(Type target, object? key) =>
        key is null ? isService.IsService(target) : isService is IServiceProviderIsKeyedService keyed && keyed.IsKeyedService(target, key);

    private void Check(IHookOwner owner, HashSet<IHookOwner> seen, ref List<string>? problems)
    {
        if (!seen.Add(owner))
        {
            return;
        }

        if ((owner as Runnable)?.ConfigurationProblem is { } problem)
        {
            (problems ??= []).Add("- " + problem);
        }

        foreach (var hook in OwnerHooks.All(owner))
        {
            if (hook.TargetType is { } target && !IsRegistered(target, hook.ServiceKey))
            {
                (problems ??= []).Add(hook.ServiceKey is { } key
                    ? $"- Hook '{hook.Name}' of '{owner.Id}' {KeyedTargetServices.Missing(target, key)}"
                    : $"- Hook '{hook.Name}' of '{owner.Id}' is an instance method of {target.Name}, which is not registered (AddAgnoHooksFrom registers hook classes).");
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
            Check(child, seen, ref problems);
        }
    }
}
