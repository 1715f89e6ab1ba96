// Agno's background output evaluation example, in .NET: dotnet run --project examples/BackgroundOutputEvaluation
// then: curl -X POST http://localhost:7777/agents/support-agent/runs -F "message=How do I reset my password?" -F "stream=false"
using Agno.Hooks;
using Agno.Hooks.Examples;
using BackgroundOutputEvaluation;

var builder = ExampleHost.CreateBuilder(args);
var model = ExampleModel.Create(builder.Configuration);

// The evaluator agent is created once and reused by every evaluation, through DI.
builder.Services.AddSingleton(new OutputEvaluator(model));

var agent = new Agent("support-agent")
{
    Name = "Support Agent",
    Description = "Answers support questions; its answers are evaluated after the response.",
    Instructions = "You are a helpful customer support agent.",
    Model = model,
};
agent.PostHooks.Add(EvaluationHooks.EvaluateOutputQualityHook);
agent.PostHooks.Add(EvaluationHooks.CheckResponseSafetyHook);

builder.Services.AddAgentOS(os => os.Agents.Add(agent));

var app = builder.Build();
app.MapAgentOS();
app.Run();
