using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Agno.Hooks;

/// <summary>
/// A guardrail before each tool call (Agno has none): the model may call only allowed tools, never denied ones, and no
/// tool with an argument an <see cref="ToolArgumentRule"/> blocks. A blocked call is refused (the model gets why, as the
/// call's error) or, with <see cref="ToolPolicyOptions.RejectRun"/>, rejects the run (<c>tool_not_allowed</c>).
/// </summary>
/// <remarks>
/// Attach <see cref="CheckHook"/> to an owner's <c>PreToolHooks</c> (or a <see cref="HookedTool"/>'s); register it with
/// <c>services.AddAgnoHooks().AddToolPolicy(...)</c>, a named configuration with <c>AddToolPolicy("strict", ...)</c>
/// attached as <c>CheckHook.Named("strict")</c>.
/// </remarks>
public sealed partial class ToolPolicyGuardrail
{
    /// <summary>The hook's name, as events and logs show it.</summary>
    public const string HookName = "ToolPolicyGuardrail";

    private readonly HashSet<string>? _allow;
    private readonly HashSet<string> _deny;
    private readonly (string Tool, string Argument, Regex Pattern)[] _rules;
    private readonly bool _rejectRun;

    public ToolPolicyGuardrail(IOptions<ToolPolicyOptions> options)
        : this((options ?? throw new ArgumentNullException(nameof(options))).Value)
    {
    }

    internal ToolPolicyGuardrail(ToolPolicyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _allow = options.Allow is { } allow ? new HashSet<string>(allow, StringComparer.OrdinalIgnoreCase) : null;
        _deny = new HashSet<string>(options.Deny, StringComparer.OrdinalIgnoreCase);
        _rules = [.. options.ArgumentRules.Select(rule => (rule.Tool, rule.Argument, new Regex(rule.Pattern, RegexOptions.CultureInvariant, options.PatternTimeout)))];
        _rejectRun = options.RejectRun;
    }

    /// <summary>The trigger of a run rejected by the policy.</summary>
    public static CheckTrigger ToolNotAllowed { get; } = new("tool_not_allowed");

    /// <summary>Checks that every rule's pattern compiles and the timeout is positive; the message says what is wrong.</summary>
    internal static string? Validate(ToolPolicyOptions options)
    {
        if (options.PatternTimeout <= TimeSpan.Zero && options.PatternTimeout != Regex.InfiniteMatchTimeout)
        {
            return $"{nameof(ToolPolicyOptions.PatternTimeout)} must be positive.";
        }

        foreach (var rule in options.ArgumentRules)
        {
            if (rule is null || string.IsNullOrWhiteSpace(rule.Tool) || string.IsNullOrWhiteSpace(rule.Argument) || string.IsNullOrEmpty(rule.Pattern))
            {
                return "An argument rule needs a tool (or *), an argument and a pattern.";
            }

            try
            {
                _ = new Regex(rule.Pattern, RegexOptions.CultureInvariant);
            }
            catch (ArgumentException exception)
            {
                return $"The argument rule for '{rule.Tool}'.'{rule.Argument}' is not a valid regular expression: {exception.Message}";
            }
        }

        return null;
    }

    /// <summary>Refuses the call, or rejects the run, when the policy blocks it.</summary>
    /// <exception cref="OutputCheckException">The policy blocks the call and rejects runs.</exception>
    [Hook(Guardrail = true, Name = HookName)]
    public void Check(ToolCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        if (Why(call) is not { } reason)
        {
            return;
        }

        if (_rejectRun)
        {
            throw new OutputCheckException(reason, ToolNotAllowed);
        }

        call.Refuse(reason);
    }

    private string? Why(ToolCall call)
    {
        if (_deny.Contains(call.Name) || (_allow is not null && !_allow.Contains(call.Name)))
        {
            return $"The tool '{call.Name}' is not allowed.";
        }

        foreach (var (tool, argument, pattern) in _rules)
        {
            if ((tool != "*" && !string.Equals(tool, call.Name, StringComparison.OrdinalIgnoreCase))
                || !call.Arguments.TryGetValue(argument, out var value) || ToolInvoker.Text(value) is not { } text)
            {
                continue;
            }

            try
            {
                if (pattern.IsMatch(text))
                {
                    return $"The tool '{call.Name}' may not be called with that {argument}.";
                }
            }
            catch (RegexMatchTimeoutException)
            {
                return $"The tool '{call.Name}''s {argument} could not be checked.";
            }
        }

        return null;
    }
}
