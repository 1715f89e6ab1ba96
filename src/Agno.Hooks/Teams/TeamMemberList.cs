namespace Agno.Hooks;

/// <summary>A team's members: agents or teams, never the team itself or a team that contains it.</summary>
public sealed class TeamMemberList : CheckedCollection<Runnable>
{
    private readonly Team _team;

    internal TeamMemberList(Team team) => _team = team;

    private protected override void Check(Runnable member)
    {
        ArgumentNullException.ThrowIfNull(member);
        if (member is not (Agent or Team))
        {
            throw new ArgumentException($"Team '{_team.Id}' can only have agents and teams as members, not {member.Kind.ToString().ToLowerInvariant()} '{member.Id}'.", nameof(member));
        }

        if (member is Team team && (ReferenceEquals(team, _team) || team.Contains(_team)))
        {
            throw new ArgumentException($"Team '{member.Id}' can't be a member of team '{_team.Id}': that would make a cycle.", nameof(member));
        }
    }
}
