using Microsoft.Extensions.Options;
using Npgsql;

namespace Agno.Hooks.Hangfire;

/// <summary>Rejects settings durable hooks can't run with, at start-up, naming each one.</summary>
internal sealed class DurableBackgroundHooksOptionsValidator : IValidateOptions<DurableBackgroundHooksOptions>
{
    public ValidateOptionsResult Validate(string? name, DurableBackgroundHooksOptions options)
    {
        List<string> failures = [];
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            failures.Add($"Durable background hooks need a PostgreSQL connection string, and none was given: set ConnectionStrings:{DurableBackgroundHooksOptions.ConnectionStringName} (environment variable ConnectionStrings__{DurableBackgroundHooksOptions.ConnectionStringName}) or call UsePostgreSql(...) in AddDurableBackgroundHooks.");
        }
        else
        {
            try
            {
                _ = new NpgsqlConnectionStringBuilder(options.ConnectionString);
            }
            catch (ArgumentException exception)
            {
                // The message names the bad keyword; the string itself may hold a password, so it is not repeated.
                failures.Add($"The durable background hooks' connection string is not a valid PostgreSQL connection string: {exception.Message}");
            }
        }

        if (string.IsNullOrWhiteSpace(options.SchemaName))
        {
            failures.Add($"{nameof(options.SchemaName)} must name a schema.");
        }

        if (string.IsNullOrEmpty(options.Queue) || !options.Queue.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_' or '-'))
        {
            failures.Add($"{nameof(options.Queue)} '{options.Queue}' must consist of lowercase letters, digits, '_' and '-' only.");
        }

        if (options.WorkerCount is < 1)
        {
            failures.Add($"{nameof(options.WorkerCount)} must be at least 1 (was {options.WorkerCount}).");
        }

        if (options.MaxAttempts < 1)
        {
            failures.Add($"{nameof(options.MaxAttempts)} must be at least 1 (was {options.MaxAttempts}).");
        }

        if (options.MaxAttempts > 1 && (options.RetryDelays is null || options.RetryDelays.Count == 0))
        {
            failures.Add($"{nameof(options.RetryDelays)} needs at least one delay when {nameof(options.MaxAttempts)} allows retries.");
        }
        else if (options.RetryDelays?.FirstOrDefault(d => d < TimeSpan.Zero) is { } negative && negative < TimeSpan.Zero)
        {
            failures.Add($"{nameof(options.RetryDelays)} can't hold a negative delay (was {negative}).");
        }

        Positive(options.InvisibilityTimeout, nameof(options.InvisibilityTimeout), TimeSpan.FromSeconds(1), failures);
        Positive(options.QueuePollInterval, nameof(options.QueuePollInterval), TimeSpan.FromMilliseconds(50), failures);
        Positive(options.SchedulePollingInterval, nameof(options.SchedulePollingInterval), TimeSpan.FromMilliseconds(100), failures);
        if (options.ShutdownGracePeriod < TimeSpan.Zero)
        {
            failures.Add($"{nameof(options.ShutdownGracePeriod)} can't be negative (was {options.ShutdownGracePeriod}).");
        }

        if (options.EnableDashboard && (string.IsNullOrEmpty(options.DashboardPath) || options.DashboardPath[0] != '/' || options.DashboardPath.Length < 2))
        {
            failures.Add($"{nameof(options.DashboardPath)} must be a path such as /hooks/dashboard (was '{options.DashboardPath}').");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Positive(TimeSpan value, string name, TimeSpan minimum, List<string> failures)
    {
        if (value < minimum)
        {
            failures.Add($"{name} must be at least {minimum} (was {value}).");
        }
    }
}
