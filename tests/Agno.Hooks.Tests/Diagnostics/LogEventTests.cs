namespace Agno.Hooks.Tests.Diagnostics;

public sealed class LogEventTests() : Agno.Hooks.Testing.LogEventTableTests(typeof(Agno.Hooks.HookPipeline).Assembly, "Agno.Hooks.LogEvents");
