namespace Agno.Hooks.AgentFramework.Tests;

public sealed class LogEventTests() : Agno.Hooks.Testing.LogEventTableTests(typeof(Agno.Hooks.AgentFramework.AgnoHooksAgent).Assembly, "Agno.Hooks.AgentFramework.LogEvents");
