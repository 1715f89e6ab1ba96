namespace Agno.Hooks.AgentOS.Tests;

public sealed class LogEventTests() : Agno.Hooks.Testing.LogEventTableTests(typeof(Agno.Hooks.AgentOS.AgentOSOptions).Assembly, "Agno.Hooks.AgentOS.LogEvents");
