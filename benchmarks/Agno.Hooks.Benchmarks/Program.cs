using Agno.Hooks.Benchmarks;
using Agno.Hooks.Benchmarks.Reporting;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Perfolizer.Horology;

// dotnet run -c Release --project benchmarks/Agno.Hooks.Benchmarks -- --filter '*' [--short]
//   --short: every suite in under 6 minutes on 2 cores (in-process, 3 warm-up and 3 measured iterations);
//            a suite may also keep fewer cases then (ShortMode).
//   Without it: BenchmarkDotNet's default job, one process per benchmark (slower, steadier figures).
// Other BenchmarkDotNet options (--job, --inProcess, --exporters ...) pass through.
var shortMode = args.Contains("--short");
args = [.. args.Where(a => a != "--short")];

// Figures the benchmarks measure themselves go here; benchmark processes inherit the variable.
var samples = Path.Combine(Path.GetFullPath("BenchmarkDotNet.Artifacts"), "samples");
if (Directory.Exists(samples))
{
    Directory.Delete(samples, recursive: true);
}

Environment.SetEnvironmentVariable(SampleStore.DirectoryVariable, samples);
Environment.SetEnvironmentVariable(ShortMode.Variable, shortMode ? "1" : null);

IConfig config = DefaultConfig.Instance;
if (shortMode)
{
    config = config.AddJob(Job.ShortRun
        .WithWarmupCount(3)
        .WithIterationCount(3)
        .WithIterationTime(TimeInterval.FromMilliseconds(100))
        .WithToolchain(InProcessEmitToolchain.Instance)
        .WithId("Short"));
}

var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
SlopeReport.Print(summaries, SlopeSuite.Peers, SlopeSuite.ToolHooks, SlopeSuite.ModelHooks);
