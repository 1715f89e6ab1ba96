using Agno.Hooks;
using Agno.Hooks.AgentFramework;
using Consumer;
using Microsoft.Agents.AI;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

var builder = Host.CreateApplicationBuilder(args);
builder.Services.AddAgnoHooks();
builder.Services.AddSingleton<Journal>();
using var host = builder.Build();
await host.StartAsync();

var model = new CountingClient(new OfflineChatClient());
AIAgent agent = new ChatClientAgent(model, name: "consumer-agent", instructions: "Be brief.");
AIAgent hooked = agent.AsBuilder()
    .UseAgnoHooks(h =>
    {
        h.PreHooks.Add(ConsumerHooks.ShoutHook);
        h.PreHooks.Add(ConsumerHooks.RejectSecretsHook);
        h.PostHooks.Add(ConsumerHooks.SignHook);
        h.PostHooks.Add(ConsumerHooks.ArchiveHook);
    })
    .Build(host.Services);

var session = await hooked.CreateSessionAsync();
var response = await hooked.RunAsync("hello agent framework", session);
var rejected = await hooked.RunAsync("my password is hunter2", session);
Console.WriteLine($"text={response.Text}");
var rejection = rejected.GetHookRejection();
Console.WriteLine($"rejected={rejection?.ErrorId}: {rejection?.Message}");
Console.WriteLine($"model-calls={model.Calls}");

// Stopping the host drains the background executor, so the archive entry is there.
await host.StopAsync();
var journal = host.Services.GetRequiredService<Journal>();
foreach (var entry in journal.Entries)
{
    Console.WriteLine($"journal={entry}");
}

Console.WriteLine($"journal-count={journal.Entries.Count}");

internal sealed class CountingClient(IChatClient inner) : DelegatingChatClient(inner)
{
    public int Calls { get; private set; }

    public override Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        Calls++;
        return base.GetResponseAsync(messages, options, cancellationToken);
    }
}
