// Agno's team background-hook example, in .NET: dotnet run --project examples/BackgroundHooksTeam
// then: curl -X POST http://localhost:7777/teams/content-team/runs -F "message=Write about background hooks" -F "stream=false"
using Agno.Hooks;
using Agno.Hooks.Examples;
using BackgroundHooksTeam;

var builder = ExampleHost.CreateBuilder(args);
var model = ExampleModel.Create(builder.Configuration);
var team = new Team("content-team")
{
    Name = "Content Team",
    Description = "A researcher gathers facts, a writer turns them into an article.",
    Instructions = "Compose the members' work into one answer.",
    Mode = TeamMode.Coordinate,
    Model = model,
};
team.Members.Add(new Agent("researcher") { Name = "Researcher", Instructions = "Research the topic and list the key facts.", Model = model });
team.Members.Add(new Agent("writer") { Name = "Writer", Instructions = "Write a short article from the research.", Model = model });
team.PostHooks.Add(TeamHooks.LogTeamResultHook);

builder.Services.AddAgnoHooks(hooks => hooks.RunHooksInBackground = true);
builder.Services.AddAgentOS(os =>
{
    os.Teams.Add(team);
});

var app = builder.Build();
app.MapAgentOS();
app.Run();
