using System.Diagnostics;

namespace Agno.Hooks.Hangfire.Tests.Infrastructure;

/// <summary>
/// A throwaway PostgreSQL cluster for the whole test run, started and deleted by <c>scripts/postgres.sh</c> (the
/// script the README gives). Each test takes a schema of its own (<see cref="NewSchema"/>), so tests never see each
/// other's executions.
/// </summary>
public sealed class PostgresCluster : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "agno-hooks-tests-" + Guid.NewGuid().ToString("N")[..8]);

    public string ConnectionString { get; private set; } = string.Empty;

    /// <summary>A fresh schema name: Hangfire creates its tables there on first start.</summary>
    public static string NewSchema() => "t_" + Guid.NewGuid().ToString("N")[..12];

    public async Task InitializeAsync()
    {
        var installed = Directory.Exists("/usr/lib/postgresql")
            && Directory.EnumerateFiles("/usr/lib/postgresql", "initdb", SearchOption.AllDirectories).Any();
        if (!installed && !OnPath("initdb"))
        {
            throw new InvalidOperationException("PostgreSQL is not installed, and these tests run a throwaway cluster of it: run scripts/install-test-dependencies.sh (as root) first.");
        }

        var (exitCode, output, error) = await RunScriptAsync("start", _folder);
        if (exitCode != 0 || string.IsNullOrWhiteSpace(output))
        {
            throw new InvalidOperationException($"scripts/postgres.sh start failed ({exitCode}); if PostgreSQL is missing, run scripts/install-test-dependencies.sh.\n{error}");
        }

        ConnectionString = output.Trim() + ";Maximum Pool Size=30;Timeout=15";
    }

    public async Task DisposeAsync() => await RunScriptAsync("stop", _folder);

    private static async Task<(int ExitCode, string Output, string Error)> RunScriptAsync(string command, string folder)
    {
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(Repository.Root, "scripts", "postgres.sh"));
        start.ArgumentList.Add(command);
        start.ArgumentList.Add(folder);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        return (process.ExitCode, await output, await error);
    }

    private static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':').Any(dir => File.Exists(Path.Combine(dir, program)));
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresCluster>
{
    public const string Name = "PostgreSQL";
}

internal static class Repository
{
    public static string Root
    {
        get
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "Agno.Hooks.sln")))
                {
                    return directory.FullName;
                }
            }

            throw new InvalidOperationException("Agno.Hooks.sln not found above " + AppContext.BaseDirectory);
        }
    }
}

internal static class Waits
{
    /// <summary>Generous: waits end on a signal or a condition, and only time out when something is broken.</summary>
    public static readonly TimeSpan Signal = TimeSpan.FromSeconds(60);

    /// <summary>Polls <paramref name="condition"/> until it holds; fails with <paramref name="what"/> at the deadline.</summary>
    public static async Task UntilAsync(Func<bool> condition, string what, TimeSpan? deadline = null)
    {
        var stopwatch = Stopwatch.StartNew();
        var limit = deadline ?? Signal;
        while (!condition())
        {
            if (stopwatch.Elapsed > limit)
            {
                throw new TimeoutException($"Waited {limit} for: {what}");
            }

            await Task.Delay(50);
        }
    }

    public static async Task UntilAsync(Func<Task<bool>> condition, string what, TimeSpan? deadline = null)
    {
        var stopwatch = Stopwatch.StartNew();
        var limit = deadline ?? Signal;
        while (!await condition())
        {
            if (stopwatch.Elapsed > limit)
            {
                throw new TimeoutException($"Waited {limit} for: {what}");
            }

            await Task.Delay(100);
        }
    }
}
