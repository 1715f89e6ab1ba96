using Agno.Hooks;
using Consumer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

var builder = Host.CreateApplicationBuilder(args);
builder.Services.AddAgnoHooks();
builder.Services.AddAgnoHooksFrom<AgnoHooks>().AddSingleton<Journal>();
var agent = new Agent("consumer-agent")
{
    Model = new OfflineChatClient(),
    PreHooks = { ConsumerHooks.ShoutHook, ConsumerHooks.TagAsyncHook },
    PostHooks = { ConsumerHooks.SignHook, Auditor.AuditHook, Auditor.ArchiveAsyncHook },
};
builder.Services.AddAgent(agent);

using var host = builder.Build();
await host.StartAsync();
var output = await agent.RunAsync("hello package");
Console.WriteLine($"content={output.Content}");
Console.WriteLine($"tagged={output.Metadata["tagged"]}");
Console.WriteLine($"hooks={string.Join(",", AgnoHooks.All.Select(hook => hook.Name))}");
Console.WriteLine($"found={AgnoHooks.Find("consumer.sign") == ConsumerHooks.SignHook}");

// Stopping the host drains the background executor, so the archive entry is there.
await host.StopAsync();
foreach (var entry in host.Services.GetRequiredService<Journal>().Entries)
{
    Console.WriteLine($"journal={entry}");
}
