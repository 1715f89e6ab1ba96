namespace Agno.Hooks.Tests.Support;

/// <summary>A guardrail of a user's own, added with <c>AddGuardrail</c>: rejects a message with its banned word.</summary>
public sealed partial class BannedWordGuardrail(BannedWordOptions options)
{
    [Hook(Guardrail = true, Name = "BannedWord")]
    public void Check(RunInput input)
    {
        if (input.Content.Contains(options.Word, StringComparison.OrdinalIgnoreCase))
        {
            throw new InputCheckException($"'{options.Word}' is not allowed", CheckTrigger.InputNotAllowed);
        }
    }
}

public sealed class BannedWordOptions
{
    public string Word { get; set; } = string.Empty;

    public static string? Validate(BannedWordOptions options) => string.IsNullOrWhiteSpace(options.Word) ? "Word is required." : null;
}
