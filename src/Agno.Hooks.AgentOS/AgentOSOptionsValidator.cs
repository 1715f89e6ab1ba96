using Microsoft.Extensions.Options;

namespace Agno.Hooks.AgentOS;

/// <summary>Rejects settings AgentOS can't serve with, at start-up rather than at the first request.</summary>
internal sealed class AgentOSOptionsValidator : IValidateOptions<AgentOSOptions>
{
    public ValidateOptionsResult Validate(string? name, AgentOSOptions options)
    {
        List<string>? failures = null;
        if (options.MaxRequestBodySize < 1)
        {
            (failures ??= []).Add($"{nameof(AgentOSOptions.MaxRequestBodySize)} must be at least 1 byte (was {options.MaxRequestBodySize}).");
        }

        if (options.RecentHookRunsCapacity < 1)
        {
            (failures ??= []).Add($"{nameof(AgentOSOptions.RecentHookRunsCapacity)} must be at least 1 (was {options.RecentHookRunsCapacity}).");
        }

        if (string.IsNullOrWhiteSpace(options.Id))
        {
            (failures ??= []).Add($"{nameof(AgentOSOptions.Id)} can't be empty.");
        }

        return failures is null ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
