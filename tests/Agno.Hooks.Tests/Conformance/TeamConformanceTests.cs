using Agno.Hooks.Conformance;

namespace Agno.Hooks.Tests.Conformance;

/// <summary>The run semantics every owner shares, on a <see cref="Team"/> whose leader has the scripted model.</summary>
public sealed class TeamConformanceTests : RunConformanceTests
{
    protected override OwnerUnderTest Create(ConformanceHost host)
    {
        var team = new Team("team") { Model = host.Model, Services = host.Services };
        team.Members.Add(new Agent("member") { Model = new QuietModel() });
        return new RunnableUnderTest(team, (m, ct) => team.RunAsync(m, cancellationToken: ct), (m, ct) => team.RunStreamingAsync(m, cancellationToken: ct));
    }
}
