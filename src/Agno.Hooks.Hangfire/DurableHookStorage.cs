using System.Net.Sockets;
using Hangfire;
using Hangfire.Common;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Agno.Hooks.Hangfire;

/// <summary>
/// The Hangfire storage of durable hooks on PostgreSQL, and the job filters (retries, statistics) that apply to
/// them. Nothing here touches Hangfire's process-wide settings (<c>JobStorage.Current</c>, <c>GlobalJobFilters</c>):
/// an application's own Hangfire set-up stays as it is, and several hosts can share a process.
/// </summary>
internal sealed partial class DurableHookStorage : IDisposable
{
    private readonly DurableBackgroundHooksOptions _options;
    private readonly ILogger _logger;
    private readonly Lock _lock = new();
    private PostgreSqlStorage? _storage;
    private string? _connectionString;

    public DurableHookStorage(IOptions<DurableBackgroundHooksOptions> options, ILogger<DurableHookStorage> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _logger = logger;
        Filters = CreateFilters(_options);
    }

    /// <summary>The storage; the first use checks that PostgreSQL answers and creates the schema if needed.</summary>
    /// <exception cref="InvalidOperationException">PostgreSQL can't be reached, or the schema can't be created; the message says which server.</exception>
    public JobStorage Storage
    {
        get
        {
            if (Volatile.Read(ref _storage) is { } storage)
            {
                return storage;
            }

            lock (_lock)
            {
                return _storage ??= Create();
            }
        }
    }

    /// <summary>The filters of every durable hook job: retries as the options say, and the dashboard's daily statistics.</summary>
    public IJobFilterProvider Filters { get; }

    /// <summary>The options in force.</summary>
    public DurableBackgroundHooksOptions Options => _options;

    public void Dispose()
    {
        if (_storage is not null && _connectionString is { } connectionString)
        {
            // Close this storage's idle pooled connections now rather than when the pool prunes them.
            using var connection = new NpgsqlConnection(connectionString);
            NpgsqlConnection.ClearPool(connection);
        }
    }

    internal static JobFilterCollection CreateFilters(DurableBackgroundHooksOptions options)
    {
        var retry = new AutomaticRetryAttribute
        {
            Attempts = options.MaxAttempts - 1,
            OnAttemptsExceeded = AttemptsExceededAction.Fail,
            // The invoker already logs each failure with the hook's name and run.
            LogEvents = false,
        };
        var delays = (options.RetryDelays ?? []).Select(d => (int)Math.Ceiling(d.TotalSeconds)).ToArray();
        if (delays.Length > 0)
        {
            retry.DelaysInSeconds = delays;
        }

        var filters = new JobFilterCollection();
        filters.Add(retry);
        filters.Add(new StatisticsHistoryAttribute());
        return filters;
    }

    private PostgreSqlStorage Create()
    {
        var connectionString = _options.ConnectionString;
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException($"Durable background hooks need a PostgreSQL connection string: set ConnectionStrings:{DurableBackgroundHooksOptions.ConnectionStringName} or call UsePostgreSql(...).");
        }

        var where = new NpgsqlConnectionStringBuilder(connectionString);
        try
        {
            using var connection = new NpgsqlConnection(connectionString);
            connection.Open();
        }
        catch (Exception exception) when (exception is NpgsqlException or SocketException or TimeoutException)
        {
            throw new InvalidOperationException(
                $"Durable background hooks can't reach PostgreSQL at {where.Host}:{where.Port} (database '{where.Database}', user '{where.Username}'): {exception.Message} " +
                $"Check ConnectionStrings:{DurableBackgroundHooksOptions.ConnectionStringName} and that the server is running (for a throwaway one: scripts/postgres.sh start).",
                exception);
        }

        var storageOptions = new PostgreSqlStorageOptions
        {
            SchemaName = _options.SchemaName,
            PrepareSchemaIfNecessary = true,
            QueuePollInterval = _options.QueuePollInterval,
            InvisibilityTimeout = _options.InvisibilityTimeout,
            // A fetched execution's heartbeat keeps it invisible while it runs, so a short timeout still lets
            // long hooks run, and a dead instance's executions come back after InvisibilityTimeout.
            UseSlidingInvisibilityTimeout = true,
            // Fail at start-up, not later in a degraded mode.
            StartupConnectionMaxRetries = 0,
            AllowDegradedModeWithoutStorage = false,
        };

        if (!_options.SynchronousCommit)
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            builder.Options = string.IsNullOrEmpty(builder.Options) ? "-c synchronous_commit=off" : builder.Options + " -c synchronous_commit=off";
            connectionString = builder.ConnectionString;
        }

        try
        {
            var storage = new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, storageOptions), storageOptions);
            _connectionString = connectionString;
            LogReady(where.Host ?? "?", where.Port, where.Database ?? "?", _options.SchemaName);
            return storage;
        }
        catch (Exception exception) when (exception is NpgsqlException or SocketException or TimeoutException)
        {
            throw new InvalidOperationException($"Durable background hooks could not prepare schema '{_options.SchemaName}' in PostgreSQL at {where.Host}:{where.Port} (database '{where.Database}'): {exception.Message}", exception);
        }
    }

    [LoggerMessage(LogEvents.StorageReady, LogLevel.Information, "Durable background hooks keep their work in PostgreSQL at {Host}:{Port}, database '{Database}', schema '{Schema}'.")]
    private partial void LogReady(string host, int port, string database, string schema);
}
