using Microsoft.Extensions.Options;

namespace Agno.Hooks;

/// <summary>Rejects settings the executor can't run with, at start-up rather than at the first hook.</summary>
internal sealed class AgnoHooksOptionsValidator : IValidateOptions<AgnoHooksOptions>
{
    public ValidateOptionsResult Validate(string? name, AgnoHooksOptions options)
    {
        List<string>? failures = null;
        if (options.QueueCapacity < 1)
        {
            (failures ??= []).Add($"{nameof(AgnoHooksOptions.QueueCapacity)} must be at least 1 (was {options.QueueCapacity}).");
        }

        if (options.MaxConcurrency < 1)
        {
            (failures ??= []).Add($"{nameof(AgnoHooksOptions.MaxConcurrency)} must be at least 1 (was {options.MaxConcurrency}).");
        }

        if (options.HookTimeout <= TimeSpan.Zero)
        {
            (failures ??= []).Add($"{nameof(AgnoHooksOptions.HookTimeout)} must be positive (was {options.HookTimeout}).");
        }

        if (options.DrainTimeout < TimeSpan.Zero)
        {
            (failures ??= []).Add($"{nameof(AgnoHooksOptions.DrainTimeout)} can't be negative (was {options.DrainTimeout}).");
        }

        return failures is null ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
