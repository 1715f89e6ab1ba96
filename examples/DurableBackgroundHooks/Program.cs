// Durable background hooks: Hangfire on PostgreSQL keeps them across a crash.
//   export ConnectionStrings__AgnoHooks="$(scripts/postgres.sh start /tmp/agno-hooks-pg)"
//   dotnet run --project examples/DurableBackgroundHooks
//   curl -X POST http://localhost:7777/agents/durable-agent/runs -F "message=Hello!" -F "stream=false"
using Agno.Hooks;
using Agno.Hooks.Examples;
using DurableBackgroundHooks;

var builder = ExampleHost.CreateBuilder(args);
var agent = new Agent("durable-agent")
{
    Name = "Durable Agent",
    Description = "Answers at once; its audit hooks run in the background and survive a crash.",
    Instructions = "You are a helpful assistant.",
    Model = ExampleModel.Create(builder.Configuration),
};
agent.PostHooks.Add(DurableHooks.SlowAuditHook);
agent.PostHooks.Add(DurableHooks.RecordAnswerHook);

builder.Services.AddSingleton(builder.Configuration.GetSection("DurableExample").Get<AuditSettings>() ?? new AuditSettings());

// Every hook in the background, as durable executions in PostgreSQL (ConnectionStrings:AgnoHooks).
builder.Services.AddAgnoHooks(o => o.RunHooksInBackground = true)
    .AddDurableBackgroundHooks(d => d.UsePostgreSql(builder.Configuration.GetConnectionString("AgnoHooks")));
builder.Services.AddAgentOS(os => os.Agents.Add(agent));

var app = builder.Build();
// Hangfire's dashboard at /hooks/dashboard, on AgentOS's routes so it takes their security (OS_SECURITY_KEY);
// a browser brings the key as ?key=<key> once.
app.MapAgentOS()
    .MapAgnoHooksDashboard()
    .AcceptSecurityKeyFromBrowser();
app.Run();
