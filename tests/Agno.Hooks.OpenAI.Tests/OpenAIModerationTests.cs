using Agno.Hooks.OpenAI.Tests.Support;
using Agno.Hooks.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Agno.Hooks.OpenAI.Tests;

/// <summary>The moderation guardrail with the real OpenAI client, against a fake of the endpoint on loopback Kestrel.</summary>
public sealed class OpenAIModerationTests : IAsyncLifetime
{
    private FakeModerationServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeModerationServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_flagged_message_is_rejected_with_the_categories_and_scores()
    {
        _server.Flag("violence", "harassment");
        var model = new CountingChatClient();
        await using var host = Host();
        var agent = Agent(host, model);

        var output = await agent.RunAsync("something violent");

        output.Status.ShouldBe(RunStatus.Error);
        output.Content.ShouldBe("OpenAI moderation violation detected.");
        output.ErrorType.ShouldBe("input_check_error");
        output.ErrorId.ShouldBe("input_not_allowed");
        var categories = output.ErrorData!["categories"]!.AsObject();
        categories.Count.ShouldBe(13);
        categories["violence"]!.GetValue<bool>().ShouldBeTrue();
        categories["harassment"]!.GetValue<bool>().ShouldBeTrue();
        categories["self-harm/intent"]!.GetValue<bool>().ShouldBeFalse();
        output.ErrorData["category_scores"]!["violence"]!.GetValue<double>().ShouldBe(0.91, 0.0001);
        model.Calls.ShouldBe(0);

        var (authorization, body) = _server.Requests.ShouldHaveSingleItem();
        authorization.ShouldBe("Bearer test-key");
        body["model"]!.GetValue<string>().ShouldBe("omni-moderation-latest");
        body["input"]!.GetValue<string>().ShouldBe("something violent");
    }

    [Fact]
    public async Task A_message_that_is_not_flagged_goes_to_the_model()
    {
        _server.Flag();
        var model = new CountingChatClient();
        await using var host = Host(openAI: o => o.Model = "text-moderation-stable");
        var agent = Agent(host, model);

        var output = await agent.RunAsync("How do I bake bread?");

        output.Status.ShouldBe(RunStatus.Completed);
        model.Calls.ShouldBe(1);
        _server.Requests.ShouldHaveSingleItem().Body["model"]!.GetValue<string>().ShouldBe("text-moderation-stable");
    }

    [Fact]
    public async Task Only_the_listed_categories_reject_a_flagged_message()
    {
        await using var host = Host(o => o.RejectCategories = ["violence", "self_harm_intent"]);
        var agent = Agent(host, new OfflineChatClient());

        _server.Flag("harassment");
        var harassment = await agent.RunAsync("rude words");
        _server.Flag("self-harm/intent");
        var selfHarm = await agent.RunAsync("worrying words");
        _server.Flag("violence/graphic", "violence");
        var violence = await agent.RunAsync("gory words");

        harassment.Status.ShouldBe(RunStatus.Completed);
        selfHarm.Status.ShouldBe(RunStatus.Error);
        selfHarm.ErrorData!["categories"]!["self-harm/intent"]!.GetValue<bool>().ShouldBeTrue();
        violence.Status.ShouldBe(RunStatus.Error);
    }

    [Fact]
    public async Task A_failing_moderation_call_is_logged_and_the_run_goes_on_by_default()
    {
        _server.FailWith(401);
        await using var host = Host();
        var agent = Agent(host, new OfflineChatClient());

        var output = await agent.RunAsync("Hello");

        output.Status.ShouldBe(RunStatus.Completed);
        host.Messages(LogLevel.Error).ShouldContain(m => m.Contains("OpenAIModerationGuardrail") && m.Contains("goes on unmoderated"));
    }

    [Fact]
    public async Task A_failing_moderation_call_rejects_the_run_when_told_to_fail_closed()
    {
        _server.FailWith(401);
        await using var host = Host(o => o.RejectOnError = true);
        var agent = Agent(host, new OfflineChatClient());

        var output = await agent.RunAsync("Hello");

        output.Status.ShouldBe(RunStatus.Error);
        output.ErrorId.ShouldBe("input_not_allowed");
        output.Content.ShouldBe(ModerationGuardrail.UnavailableMessage);
    }

    [Fact]
    public async Task Another_moderator_can_be_plugged_in()
    {
        var moderator = new FixedModerator();
        await using var host = ModerationHost.Create(hooks => hooks.AddModeration().AddOpenAIContentModerator(o => o.BaseUrl = _server.BaseUrl), services => services.AddSingleton<IContentModerator>(moderator));
        var agent = Agent(host, new OfflineChatClient());

        var output = await agent.RunAsync("anything");

        output.ErrorId.ShouldBe("input_not_allowed");
        output.ErrorData!["categories"]!["spam"]!.GetValue<bool>().ShouldBeTrue();
        _server.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_moderator_without_a_model_fails_when_first_resolved_naming_the_setting()
    {
        await using var host = Host(openAI: o => o.Model = " ");

        var error = Should.Throw<OptionsValidationException>(() => host.Services.GetRequiredService<IContentModerator>());

        error.Message.ShouldContain("OpenAIModerationOptions.Model is required");
    }

    private ModerationHost Host(Action<ModerationOptions>? configure = null, Action<OpenAIModerationOptions>? openAI = null) => ModerationHost.Create(hooks => hooks
        .AddModeration(configure)
        .AddOpenAIContentModerator(o =>
        {
            o.BaseUrl = _server.BaseUrl;
            o.ApiKey = "test-key";
            openAI?.Invoke(o);
        }));

    private static Agent Agent(ModerationHost host, Microsoft.Extensions.AI.IChatClient model) =>
        new("moderated") { Model = model, Services = host.Services, PreHooks = { ModerationGuardrail.CheckHook } };

    private sealed class FixedModerator : IContentModerator
    {
        public Task<ContentModerationResult> ModerateAsync(string text, CancellationToken cancellationToken = default) =>
            Task.FromResult(new ContentModerationResult
            {
                Flagged = true,
                Categories = new Dictionary<string, bool> { ["spam"] = true },
                CategoryScores = new Dictionary<string, double> { ["spam"] = 0.99 },
            });
    }
}
