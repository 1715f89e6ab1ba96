using System.Text;
using Agno.Hooks.Conformance;
using Agno.Hooks.CustomOwner.Tests.Support;
using Microsoft.Extensions.AI;

namespace Agno.Hooks.CustomOwner.Tests.Conformance;

/// <summary>
/// The run semantics every owner shares, on the custom owner: a function that streams the scripted model, reaching its run
/// through <see cref="HookRun.Current"/> to add the model's usage. It has no tool loop, so no tool or model stage: it runs
/// the run stages only.
/// </summary>
public sealed class FuncOwnerConformanceTests : RunConformanceTests
{
    protected override OwnerUnderTest Create(ConformanceHost host)
    {
        var agent = new FuncAgent("func", async (content, cancellationToken) =>
        {
            var text = new StringBuilder();
            await foreach (var update in host.Model.GetStreamingResponseAsync(content, cancellationToken: cancellationToken))
            {
                text.Append(update.Text);
                HookRun.Current!.Output.Metrics.AddUsage(update.Contents);
            }

            return text.ToString();
        }, host.Pipeline, host.Services);
        return new RunnableUnderTest(agent, (m, ct) => agent.RunAsync(m, cancellationToken: ct), (m, ct) => agent.RunStreamingAsync(m, cancellationToken: ct));
    }
}
