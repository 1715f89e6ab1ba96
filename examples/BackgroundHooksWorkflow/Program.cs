// Agno's workflow background-hook example, in .NET: dotnet run --project examples/BackgroundHooksWorkflow
// then: curl -X POST http://localhost:7777/workflows/analysis-workflow/runs -F "message=Background hooks keep responses fast" -F "stream=false"
using Agno.Hooks;
using Agno.Hooks.Examples;
using BackgroundHooksWorkflow;

var builder = ExampleHost.CreateBuilder(args);
var model = ExampleModel.Create(builder.Configuration);
var analyzer = new Agent("analyzer") { Name = "Analyzer", Instructions = "Analyse the text: its claims, tone and evidence.", Model = model };
var summarizer = new Agent("summarizer") { Name = "Summarizer", Instructions = "Summarise the analysis in two sentences.", Model = model };
analyzer.PostHooks.Add(StepHooks.LogStepCompletionHook);
summarizer.PostHooks.Add(StepHooks.LogStepCompletionHook);

var workflow = new Workflow("analysis-workflow")
{
    Name = "Analysis Workflow",
    Description = "Analyzer, then Summarizer on the analysis.",
};
workflow.Steps.Add(WorkflowStep.Run(analyzer));
workflow.Steps.Add(WorkflowStep.Run(summarizer));

// The global setting reaches the step agents' hooks (in Agno they would run inline).
builder.Services.AddAgnoHooks(hooks => hooks.RunHooksInBackground = true);
builder.Services.AddAgentOS(os =>
{
    os.Workflows.Add(workflow);
});

var app = builder.Build();
app.MapAgentOS();
app.Run();
