namespace Agno.Hooks;

/// <summary>Options of <see cref="ToolPolicyGuardrail"/>: which tools the model may call, and with which arguments.</summary>
public sealed class ToolPolicyOptions
{
    /// <summary>The only tools the model may call, by name (ignoring case); null: every tool not denied.</summary>
    public IList<string>? Allow { get; set; }

    /// <summary>Tools the model may never call, by name (ignoring case).</summary>
    public IList<string> Deny { get; set; } = [];

    /// <summary>Arguments that block a call when they match, for instance an e-mail's recipient outside the company.</summary>
    public IList<ToolArgumentRule> ArgumentRules { get; set; } = [];

    /// <summary>
    /// What a blocked call does: false (the default) refuses the call, and the model gets why as the call's error, so it can
    /// answer otherwise; true rejects the whole run (<c>tool_not_allowed</c>).
    /// </summary>
    public bool RejectRun { get; set; }

    /// <summary>How long one argument rule's pattern may run on one value; a rule that times out blocks the call (fail closed).</summary>
    public TimeSpan PatternTimeout { get; set; } = TimeSpan.FromSeconds(1);
}
