using Microsoft.Extensions.Logging;

namespace Agno.Hooks;

/// <summary>Log messages of the built-in guardrails.</summary>
internal static partial class GuardrailLog
{
    [LoggerMessage(LogEvents.GuardrailPatternTimedOut, LogLevel.Warning, "A custom pattern of '{HookName}' timed out; the text counts as containing that kind of personal data.")]
    public static partial void PatternTimedOut(ILogger logger, string hookName);

    [LoggerMessage(LogEvents.ModerationFailed, LogLevel.Error, "The moderation call of '{HookName}' failed; the run {Outcome}.")]
    public static partial void ModerationFailed(ILogger logger, Exception exception, string hookName, string outcome);
}
