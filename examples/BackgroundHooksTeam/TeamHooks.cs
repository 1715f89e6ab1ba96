using Agno.Hooks;

namespace BackgroundHooksTeam;

/// <summary>Agno's <c>background_hooks_team.py</c>: a team post-hook that runs after the response (global setting).</summary>
public static partial class TeamHooks
{
    /// <summary>Logs the team's answer and what each member contributed; takes about a second, like a call to a store.</summary>
    [Hook]
    public static async Task LogTeamResult(TeamRunOutput runOutput, Team team, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(TeamHooks));
        logger.LogInformation("[LogTeamResult] start: run '{RunId}' of team '{Team}'", runOutput.RunId, team.Id);
        foreach (var member in runOutput.MemberResponses)
        {
            logger.LogInformation("[LogTeamResult] member '{Member}': {Characters} characters", member.OwnerId, member.Content?.Length ?? 0);
        }

        await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        logger.LogInformation("[LogTeamResult] end: {Members} member responses, {Tokens} tokens in all", runOutput.MemberResponses.Count, runOutput.Metrics.TotalTokens);
    }
}
