using BenchmarkDotNet.Running;

// dotnet run -c Release --project benchmarks/Agno.Hooks.Benchmarks -- --filter '*' [--job short] [--inProcess]
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
