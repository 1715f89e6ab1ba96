using System.Diagnostics.CodeAnalysis;

namespace Agno.Hooks;

/// <summary>The output of a team run, with its members' outputs.</summary>
public sealed class TeamRunOutput : RunOutput
{
    public TeamRunOutput()
    {
    }

    [SetsRequiredMembers]
    internal TeamRunOutput(RunContext run, IHookOwner owner, DateTimeOffset createdAt)
        : base(run, owner, createdAt)
    {
    }

    [SetsRequiredMembers]
    private TeamRunOutput(TeamRunOutput other, RunContext context)
        : base(other, context)
    {
        MemberResponses = other.MemberResponses.ConvertAll(member => member.Clone(context));
    }

    /// <summary>The members' outputs, in the order they were asked.</summary>
    public List<RunOutput> MemberResponses { get; init; } = [];

    protected override RunOutput CreateCopy(RunContext context) => new TeamRunOutput(this, context);
}
