using Agno.Hooks;
using Consumer;
using Microsoft.Extensions.DependencyInjection;

var journal = new Journal();
var services = new ServiceCollection()
    .AddAgnoHooks()
    .AddAgnoHooksFrom<AgnoHooks>()
    .AddSingleton(journal);

await using (var provider = services.BuildServiceProvider())
{
    var agent = new Agent("consumer-agent")
    {
        Services = provider,
        PreHooks = { ConsumerHooks.ShoutHook, ConsumerHooks.TagAsyncHook },
        PostHooks = { ConsumerHooks.SignHook, Auditor.AuditHook, Auditor.ArchiveAsyncHook },
    };

    var output = await agent.RunAsync("hello package");
    Console.WriteLine($"content={output.Content}");
    Console.WriteLine($"tagged={output.Metadata["tagged"]}");
    Console.WriteLine($"hooks={string.Join(",", AgnoHooks.All.Select(hook => hook.Name))}");
    Console.WriteLine($"found={AgnoHooks.Find("consumer.sign") == ConsumerHooks.SignHook}");
}

// Disposing the provider drained the background executor, so the archive entry is there.
foreach (var entry in journal.Entries)
{
    Console.WriteLine($"journal={entry}");
}
