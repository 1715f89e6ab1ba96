using Agno.Hooks.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Agno.Hooks.Tests.Guardrails;

/// <summary>The moderation guardrail with a moderator of the test's own (OpenAI's is in Agno.Hooks.OpenAI, tested there).</summary>
public sealed class ModerationGuardrailTests
{
    [Fact]
    public async Task Without_a_moderator_the_host_stops_saying_what_to_add()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddAgnoHooks().AddModeration();
        using var host = builder.Build();

        var error = await Should.ThrowAsync<OptionsValidationException>(() => host.StartAsync());

        error.Message.ShouldContain("needs an IContentModerator");
        error.Message.ShouldContain("AddOpenAIContentModerator() (package Agno.Hooks.OpenAI)");
    }

    [Fact]
    public async Task Named_configurations_share_the_moderator_and_each_rejects_on_its_own_categories()
    {
        var moderator = new SpamModerator();
        await using var host = HookTestHost.Create(
            services: s => s.AddSingleton<IContentModerator>(moderator),
            hooks: h => h
                .AddModeration(o => o.RejectCategories = ["violence"])
                .AddModeration("strict"));
        var lenient = new Agent("lenient") { Model = new OfflineChatClient(), Services = host.Services, PreHooks = { ModerationGuardrail.CheckHook } };
        var strict = new Agent("strict") { Model = new OfflineChatClient(), Services = host.Services, PreHooks = { ModerationGuardrail.CheckHook.Named("strict") } };

        var passed = await lenient.RunAsync("buy now");
        var rejected = await strict.RunAsync("buy now");

        passed.Status.ShouldBe(RunStatus.Completed);
        rejected.ErrorId.ShouldBe("input_not_allowed");
        rejected.ErrorData!["categories"]!["spam"]!.GetValue<bool>().ShouldBeTrue();
        moderator.Calls.ShouldBe(2);
    }

    private sealed class SpamModerator : IContentModerator
    {
        private int _calls;

        public int Calls => _calls;

        public Task<ContentModerationResult> ModerateAsync(string text, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _calls);
            return Task.FromResult(new ContentModerationResult
            {
                Flagged = true,
                Categories = new Dictionary<string, bool> { ["spam"] = true, ["violence"] = false },
                CategoryScores = new Dictionary<string, double> { ["spam"] = 0.99, ["violence"] = 0.01 },
            });
        }
    }
}
