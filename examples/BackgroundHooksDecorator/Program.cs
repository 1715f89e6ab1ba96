// Agno's per-hook background example, in .NET: dotnet run --project examples/BackgroundHooksDecorator
// then: curl -X POST http://localhost:7777/agents/background-task-agent/runs -F "message=Hello!" -F "stream=false"
using Agno.Hooks;
using Agno.Hooks.Examples;
using BackgroundHooksDecorator;

var builder = ExampleHost.CreateBuilder(args);
var agent = new Agent("background-task-agent")
{
    Name = "Background Task Agent",
    Description = "Two hooks in the background, one inline: the response waits only for the inline one.",
    Instructions = "You are a helpful assistant.",
    Model = ExampleModel.Create(builder.Configuration),
};
agent.PreHooks.Add(DecoratedHooks.LogRequestHook);
agent.PostHooks.Add(DecoratedHooks.LogAnalyticsHook);
agent.PostHooks.Add(DecoratedHooks.SendNotificationHook);

// No global setting: each hook's attribute says where it runs.
builder.Services.AddAgentOS(os => os.Agents.Add(agent));

var app = builder.Build();
app.MapAgentOS();
app.Run();
