namespace Agno.Hooks;

/// <summary>How a team's leader uses its members.</summary>
public enum TeamMode
{
    /// <summary>The leader picks one member, whose answer is the team's.</summary>
    Route,

    /// <summary>The leader hands the task to each member in turn, each building on the last, then composes the answer.</summary>
    Coordinate,

    /// <summary>Every member answers the same message at once; the leader synthesises their answers.</summary>
    Collaborate,
}
