// Agno's background hooks example, in .NET: dotnet run --project examples/BackgroundHooksExample
// then: curl -X POST http://localhost:7777/agents/background-task-agent/runs -F "message=Hello!" -F "stream=false"
using BackgroundHooksExample;

BackgroundHooksApp.Create(args).Run();
