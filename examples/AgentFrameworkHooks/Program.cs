// A Microsoft Agent Framework agent with Agno's hooks, served by AgentOS: dotnet run --project examples/AgentFrameworkHooks
// then: curl -X POST http://localhost:7777/agents/support-agent/runs -F "message=Hello!" -F "stream=false"
using AgentFrameworkHooks;
using Agno.Hooks.Examples;
using Microsoft.Agents.AI;
using Microsoft.Extensions.AI;

var builder = ExampleHost.CreateBuilder(args);

// An ordinary Agent Framework agent on any IChatClient (offline unless AGNO_MODEL says otherwise)...
AIAgent agent = new ChatClientAgent(ExampleModel.Create(builder.Configuration), new ChatClientAgentOptions
{
    Id = "support-agent",
    Name = "Support Agent",
    Description = "A Microsoft Agent Framework ChatClientAgent with Agno's hooks.",
    ChatOptions = new ChatOptions { Instructions = "You are a helpful support agent." },
});

// ...with Agno's hooks in its pipeline...
AIAgent hooked = agent.AsBuilder()
    .UseAgnoHooks(h =>
    {
        h.PreHooks.Add(SupportHooks.RejectSecretsHook);   // [Hook(Guardrail = true)]
        h.PreHooks.Add(SupportHooks.LogRequestHook);      // [Hook(RunInBackground = true)]
        h.PostHooks.Add(SupportHooks.AddSignatureHook);   // [Hook], inline
        h.PostHooks.Add(SupportHooks.LogAnalyticsHook);   // [Hook(RunInBackground = true)]
    })
    .Build();

// ...served by AgentOS in Agno's wire format; its background hooks run after the response has been sent.
builder.Services.AddAgentOS(os => os.ServedAgents.Add(hooked));

var app = builder.Build();
app.MapAgentOS();
app.Run();
