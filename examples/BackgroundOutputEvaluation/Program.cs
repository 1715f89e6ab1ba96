// Agno's background output evaluation example, in .NET: dotnet run --project examples/BackgroundOutputEvaluation
// then: curl -X POST http://localhost:7777/agents/support-agent/runs -F "message=How do I reset my password?" -F "stream=false"
using Agno.Hooks;
using Agno.Hooks.Examples;
using BackgroundOutputEvaluation;

var builder = ExampleHost.CreateBuilder(args);
var model = ExampleModel.Create(builder.Configuration);

// The judge: Agno's AgentAsJudgeEval, one instance in DI shared by every evaluation. It asks the model for a
// structured verdict (a 1-10 score and its reason), keeps it for GET /eval-runs and logs it.
builder.Services.AddAgentAsJudge(judge =>
{
    judge.Name = "support-quality";
    judge.Criteria = "The answer is helpful, accurate and well structured: it solves the user's support problem in clear steps.";
    judge.Scoring = JudgeScoring.Numeric;
    judge.Threshold = 7;
    judge.AdditionalGuidelines = ["Penalise settings, pages or steps that the answer makes up."];
    judge.Model = model;
});

var agent = new Agent("support-agent")
{
    Name = "Support Agent",
    Description = "Answers support questions; its answers are evaluated after the response.",
    Instructions = "You are a helpful customer support agent.",
    Model = model,
};
agent.PostHooks.Add(AgentAsJudgeEval.EvaluateInBackgroundHook);
agent.PostHooks.Add(EvaluationHooks.CheckResponseSafetyHook);

builder.Services.AddAgentOS(os => os.Agents.Add(agent));

var app = builder.Build();
app.MapAgentOS();
app.Run();
