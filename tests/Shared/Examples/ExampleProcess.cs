using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Runtime.InteropServices;

namespace Agno.Hooks.Testing;

/// <summary>
/// One example, started as its own process (<c>dotnet examples/&lt;Name&gt;/bin/.../&lt;Name&gt;.dll</c>, what
/// <c>dotnet run</c> runs) on a free loopback port, with its console output collected line by line in arrival order.
/// </summary>
internal sealed class ExampleProcess : IAsyncDisposable
{
    private const int SigTerm = 15;
    private const int SigKill = 9;

    /// <summary>Generous: these waits end on a signal, and only time out when something is broken.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly List<string> _lines = [];
    private readonly List<(Func<string, bool> Match, TaskCompletionSource<int> Found)> _waiters = [];
    private TaskCompletionSource _nextLine = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ExampleProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
        Client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
    }

    public Uri Address { get; }

    public HttpClient Client { get; }

    /// <summary>How many lines have arrived so far.</summary>
    public int LineCount
    {
        get
        {
            lock (_lines)
            {
                return _lines.Count;
            }
        }
    }

    /// <summary>The line at <paramref name="index"/> (as <see cref="WaitForLineAsync(Func{string, bool})"/> returns it).</summary>
    public string Line(int index)
    {
        lock (_lines)
        {
            return _lines[index];
        }
    }

    public string Output
    {
        get
        {
            lock (_lines)
            {
                return string.Join('\n', _lines);
            }
        }
    }

    public static async Task<ExampleProcess> StartAsync(string name, IDictionary<string, string>? environment = null)
    {
        var directory = Path.Combine(RepositoryRoot, "examples", name);
        var assembly = Path.Combine(directory, "bin", Configuration, "net10.0", name + ".dll");
        File.Exists(assembly).ShouldBeTrue($"The example is built with the tests: {assembly}");

        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(assembly);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");

        // The examples' own defaults, whatever the machine's environment says.
        foreach (var variable in (string[])["AGNO_MODEL", "OPENAI_API_KEY", "OPENAI_BASE_URL", "OS_SECURITY_KEY", "ASPNETCORE_URLS", "ASPNETCORE_ENVIRONMENT"])
        {
            start.Environment.Remove(variable);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var example = new ExampleProcess(process, new Uri($"http://127.0.0.1:{port}"));
        process.OutputDataReceived += (_, e) => example.Add(e.Data);
        process.ErrorDataReceived += (_, e) => example.Add(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var listening = example.WaitForLineAsync(line => line.Contains("Now listening on", StringComparison.Ordinal));
        var exited = process.WaitForExitAsync();
        if (await Task.WhenAny(listening, exited).WaitAsync(Patience) != listening)
        {
            var output = example.Output;
            await example.DisposeAsync();
            throw new InvalidOperationException($"Example {name} exited before listening:\n{output}");
        }

        return example;
    }

    /// <summary>The index of the first line (from the start) that matches; waits for it to arrive.</summary>
    public Task<int> WaitForLineAsync(Func<string, bool> match)
    {
        lock (_lines)
        {
            var index = _lines.FindIndex(line => match(line));
            if (index >= 0)
            {
                return Task.FromResult(index);
            }

            var found = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((match, found));
            return found.Task.WaitAsync(Patience);
        }
    }

    public Task<int> WaitForLineAsync(string text) => WaitForLineAsync(line => line.Contains(text, StringComparison.Ordinal));

    /// <summary>Sends SIGTERM, as a container stop or Ctrl+C in a service manager would, and waits for the exit code.</summary>
    public async Task<int> StopAsync()
    {
        Kill(_process.Id, SigTerm).ShouldBe(0, "kill(SIGTERM) succeeds");
        await _process.WaitForExitAsync().WaitAsync(Patience);

        // The last lines may still be on their way from the pipe.
        _process.WaitForExit();
        return _process.ExitCode;
    }

    /// <summary>SIGKILL, as the OOM killer or a pulled plug would: no shutdown code runs.</summary>
    public async Task KillAsync()
    {
        Kill(_process.Id, SigKill).ShouldBe(0, "kill(SIGKILL) succeeds");
        await _process.WaitForExitAsync().WaitAsync(Patience);
        _process.WaitForExit();
    }

    /// <summary>The lines so far that contain <paramref name="text"/>.</summary>
    public IReadOnlyList<string> Lines(string text)
    {
        lock (_lines)
        {
            return _lines.Where(line => line.Contains(text, StringComparison.Ordinal)).ToList();
        }
    }

    /// <summary>Waits until <paramref name="count"/> lines contain <paramref name="text"/>, woken by each line that arrives.</summary>
    public async Task WaitForLinesAsync(string text, int count)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            Task nextLine;
            lock (_lines)
            {
                if (_lines.Count(line => line.Contains(text, StringComparison.Ordinal)) >= count)
                {
                    return;
                }

                nextLine = _nextLine.Task;
            }

            var remaining = Patience - waited.Elapsed;
            try
            {
                await nextLine.WaitAsync(remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero);
            }
            catch (TimeoutException)
            {
                throw new TimeoutException($"Waited {Patience} for {count} lines with '{text}':\n{Output}");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Add(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_lines)
        {
            _lines.Add(line);
            var pulse = _nextLine;
            _nextLine = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            pulse.TrySetResult();
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].Match(line))
                {
                    _waiters[i].Found.TrySetResult(_lines.Count - 1);
                    _waiters.RemoveAt(i);
                }
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string Configuration =>
        typeof(ExampleProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "ExamplesConfiguration").Value!;

    public static string RepositoryRoot
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

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
