// Agno's built-in guardrails and agent-as-judge, in .NET: dotnet run --project examples/Guardrails
// then: curl -X POST http://localhost:7777/agents/guarded-agent/runs -F "message=my ssn is 123-45-6789" -F "stream=false"
using Agno.Hooks;
using Agno.Hooks.Examples;

var builder = ExampleHost.CreateBuilder(args);
var model = ExampleModel.Create(builder.Configuration);

// Guardrails are added through AddAgnoHooks(). Each built-in reads its options from DI, once; the host checks them (and
// that every attached hook is registered) at start-up.
builder.Services.AddAgnoHooks()
    .AddPiiDetection(pii => pii.Mask = true)          // mask SSNs, cards, e-mails, phones in the message: never sent to the model
    .AddPromptInjectionDetection()                     // Agno's 18 phrases: reject the run
    .AddOutputPiiDetection(pii => pii.Mask = true);   // and mask any in the answer before it is returned
builder.Services.AddAgentAsJudge(judge =>
{
    judge.Name = "safe-and-helpful";
    judge.Criteria = "The answer responds to the user's message and reveals no personal data such as social security numbers, card numbers, e-mail addresses or phone numbers.";
    judge.Model = model;                                             // the judge: any IChatClient, here the agent's own model
});

var agent = new Agent("guarded-agent")
{
    Name = "Guarded Agent",
    Description = "Masks personal data, rejects prompt injection, and has its answers judged after the response.",
    Instructions = "You are a helpful assistant.",
    Model = model,
    // Guardrails run inline, before the model (pre) and before the response (post); they may reject the run.
    PreHooks = { PiiDetectionGuardrail.CheckHook, PromptInjectionGuardrail.CheckHook },
    // The judge runs in the background: after the response, on a copy of the run; a rejected run queues it not at all.
    PostHooks = { OutputPiiDetectionGuardrail.CheckHook, AgentAsJudgeEval.EvaluateInBackgroundHook },
};

builder.Services.AddAgentOS(os => os.Agents.Add(agent));

var app = builder.Build();
app.MapAgentOS();
app.Run();
