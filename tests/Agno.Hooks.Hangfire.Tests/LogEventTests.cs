namespace Agno.Hooks.Hangfire.Tests;

public sealed class LogEventTests() : Agno.Hooks.Testing.LogEventTableTests(typeof(Agno.Hooks.Hangfire.DurableBackgroundHooksOptions).Assembly, "Agno.Hooks.Hangfire.LogEvents");
