using Microsoft.Extensions.Options;

namespace Agno.Hooks;

/// <summary>Rejects settings the executor can't run with, at start-up rather than at the first hook.</summary>
internal sealed class AgnoHooksOptionsValidator : IValidateOptions<AgnoHooksOptions>
{
    // The longest delay a CancellationTokenSource's timer takes (about 49.7 days); a longer one throws where the
    // executor's worker creates its source, so it is refused here instead.
    private static readonly TimeSpan LongestTimer = TimeSpan.FromMilliseconds(uint.MaxValue - 1.0);

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

        if (options.HookTimeout <= TimeSpan.Zero || options.HookTimeout > LongestTimer)
        {
            (failures ??= []).Add($"{nameof(AgnoHooksOptions.HookTimeout)} must be positive and at most {LongestTimer} (was {options.HookTimeout}).");
        }

        if (options.DrainTimeout < TimeSpan.Zero || options.DrainTimeout > LongestTimer)
        {
            (failures ??= []).Add($"{nameof(AgnoHooksOptions.DrainTimeout)} must be between zero and {LongestTimer} (was {options.DrainTimeout}).");
        }

        return failures is null ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
