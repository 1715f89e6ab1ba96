// Tools and the hooks around every tool call: dotnet run --project examples/ToolHooks
// then: curl -X POST http://localhost:7777/agents/support-agent/runs -F "message=lookup_customer customer=C-42" -F "stream=false"
using Agno.Hooks;
using Agno.Hooks.Examples;
using Agno.Hooks.Examples.ToolHooks;
using Microsoft.Extensions.AI;

var builder = ExampleHost.CreateBuilder(args);
var model = ExampleModel.Create(builder.Configuration);

// The tool guardrails and the audit hook's class, with their options, through AddAgnoHooks(); the host checks at start-up
// that every attached hook is registered.
builder.Services.AddAgnoHooks()
    .AddToolPolicy(policy => policy.Deny.Add("delete_customer"))   // refuse the destructive call: the model is told why
    .AddToolResultPiiMasking();                                     // mask e-mails, phones, ... in what a tool returned
builder.Services.AddSingleton<ToolAudit>();

// Two tools: one of this process, and an MCP server's, added below once it runs (its other tool, delete_customer, is the
// one the policy refuses).
var agent = new Agent("support-agent")
{
    Name = "Support Agent",
    Description = "Looks customers and their orders up; never deletes anyone.",
    Instructions = "You are a helpful support agent.",
    Model = model,
    Tools = { AIFunctionFactory.Create((string customer) => $"Customer {customer} is Jane Roe, jane.roe@example.com, 555-123-4567", "lookup_customer", "Looks a customer up: name and contact details.") },
    ToolCallLimit = 5,
};
agent.PreToolHooks.Add(ToolPolicyGuardrail.CheckHook);       // before each call: a guardrail, first
agent.PostToolHooks.Add(ToolResultPiiGuardrail.CheckHook);   // after each call: before the model sees the result
agent.PostToolHooks.Add(ToolAudit.RecordAsyncHook);          // after each call, in the background: the audit log

builder.Services.AddAgentOS(os => os.Agents.Add(agent));

var app = builder.Build();
await using var orders = await OrdersMcpServer.StartAsync(app.Services.GetRequiredService<ILogger<OrdersMcpServer>>());
foreach (var tool in await orders.Client.ListToolsAsync())
{
    agent.Tools.Add(tool);
}

app.MapAgentOS();
await app.RunAsync();
