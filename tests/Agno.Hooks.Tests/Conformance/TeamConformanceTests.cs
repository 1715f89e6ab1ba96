using Agno.Hooks.Conformance;

namespace Agno.Hooks.Tests.Conformance;

/// <summary>
/// The run, tool and model stages every owner that has them shares, on a <see cref="Team"/> whose leader has the
/// scripted model and the tools.
/// </summary>
public sealed class TeamConformanceTests : ModelStageConformanceTests
{
    protected override OwnerUnderTest Create(ConformanceHost host)
    {
        var team = new Team("team") { Model = host.Model, Services = host.Services };
        team.Members.Add(new Agent("member") { Model = new QuietModel() });
        return new RunnableUnderTest(team, (m, ct) => team.RunAsync(m, cancellationToken: ct), (m, ct) => team.RunStreamingAsync(m, cancellationToken: ct), addTool: team.Tools.Add);
    }
}
