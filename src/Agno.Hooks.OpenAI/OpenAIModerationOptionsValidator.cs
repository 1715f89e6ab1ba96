using Microsoft.Extensions.Options;

namespace Agno.Hooks.OpenAI;

/// <summary>Refuses options the moderator can't call OpenAI with, at start-up rather than at the first run.</summary>
internal sealed class OpenAIModerationOptionsValidator : IValidateOptions<OpenAIModerationOptions>
{
    public ValidateOptionsResult Validate(string? name, OpenAIModerationOptions options) =>
        string.IsNullOrWhiteSpace(options.Model)
            ? ValidateOptionsResult.Fail($"{nameof(OpenAIModerationOptions)}.{nameof(OpenAIModerationOptions.Model)} is required.")
            : ValidateOptionsResult.Success;
}
