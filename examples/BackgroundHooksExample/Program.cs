// Filled in by the AgentOS work (issue 5).
Console.WriteLine("BackgroundHooksExample: not yet wired to AgentOS.");
