using System.Collections.Concurrent;

namespace Agno.Hooks.Conformance;

/// <summary>
/// The run semantics every owner shares, because every owner runs through the one driver (<see cref="HookPipeline.RunAsync"/>):
/// Agent, Team, Workflow, the Agent Framework agent, the chat client and a custom owner each derive a class from this one
/// (through <see cref="ToolStageConformanceTests"/> and <see cref="ModelStageConformanceTests"/> where they have those stages).
/// Each test pins a rule the owners once drifted on.
/// </summary>
public abstract partial class RunConformanceTests
{
    private static readonly HookParameter InputParameter = new("input", HookParameterKind.RunInput, typeof(RunInput));
    private static readonly HookParameter OutputParameter = new("output", HookParameterKind.RunOutput, typeof(RunOutput));

    protected ConformanceHost Host { get; } = new();

    /// <summary>The owner under test, on <see cref="Host"/>'s services, pipeline and scripted model.</summary>
    protected abstract OwnerUnderTest Create(ConformanceHost host);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Background_post_hooks_see_the_finished_run(bool streamed)
    {
        var subject = Create(Host);
        subject.Owner.PostHooks.Add(Post("audit", _ => { }, background: true));

        var result = await subject.RunAsync("Hi", streamed);

        result.Kind.ShouldBe(RunResultKind.Completed);
        var copy = Host.Background.Items.Single(i => i.HookName == "audit").Output.ShouldNotBeNull();
        copy.Status.ShouldBe(RunStatus.Completed, "the status is set before the background copies are taken");
        copy.Metrics.Duration.ShouldBeGreaterThanOrEqualTo(Host.Model.Delay, "the duration too: the model alone took that long on the clock");
        copy.Content.ShouldBe("Hello world");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Inline_hooks_run_guardrails_first_then_in_list_order_around_the_work(bool streamed)
    {
        var subject = Create(Host);
        var order = new ConcurrentQueue<string>();
        subject.Owner.PreHooks.Add(Pre("first", _ => order.Enqueue("first")));
        subject.Owner.PreHooks.Add(Pre("guard", _ => order.Enqueue("guard"), guardrail: true));
        subject.Owner.PostHooks.Add(Post("after", c => order.Enqueue($"after({c.Output!.Content})")));
        subject.Owner.PostHooks.Add(Post("post-guard", _ => order.Enqueue("post-guard"), guardrail: true));

        var result = await subject.RunAsync("Hi", streamed);

        result.Kind.ShouldBe(RunResultKind.Completed);
        order.ShouldBe(["guard", "first", "post-guard", "after(Hello world)"]);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_post_hooks_edit_of_the_answer_reaches_every_copy(bool streamed)
    {
        var subject = Create(Host);
        subject.Owner.PostHooks.Add(Post("mask", c => c.Output!.Content = c.Output.Content!.Replace("world", "*****", StringComparison.Ordinal), guardrail: true));
        subject.Owner.PostHooks.Add(Post("audit", _ => { }, background: true));

        var result = await subject.RunAsync("Hi", streamed);

        if (!streamed)
        {
            result.Content.ShouldBe("Hello *****");
        }

        var copy = Host.Background.Items.Single().Output!;
        copy.Content.ShouldBe("Hello *****");
        copy.Messages.ShouldAllBe(m => !m.Text.Contains("world"), "the answer recorded among the messages is the masked one");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_rejected_input_never_reaches_the_work_and_hands_nothing_over(bool streamed)
    {
        var subject = Create(Host);
        subject.Owner.PreHooks.Add(Pre("background", _ => { }, background: true));
        subject.Owner.PreHooks.Add(Pre("guard", _ => throw new InputCheckException("Not here"), guardrail: true));

        var result = await subject.RunAsync("Hi", streamed);

        result.ShouldBe(new RunResult(RunResultKind.Rejected, "Not here"));
        Host.Model.Calls.ShouldBe(0);
        Host.Background.Items.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_rejected_output_hands_nothing_over(bool streamed)
    {
        var subject = Create(Host);
        subject.Owner.PreHooks.Add(Pre("pre-background", _ => { }, background: true));
        subject.Owner.PostHooks.Add(Post("post-background", _ => { }, background: true));
        subject.Owner.PostHooks.Add(Post("guard", _ => throw new OutputCheckException("Not that"), guardrail: true));

        var result = await subject.RunAsync("Hi", streamed);

        result.ShouldBe(new RunResult(RunResultKind.Rejected, "Not that"));
        Host.Background.Items.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_failed_work_is_not_a_rejection_what_passed_the_guardrails_still_goes(bool streamed)
    {
        var subject = Create(Host);
        var postRan = false;
        subject.Owner.PreHooks.Add(Pre("pre-background", _ => { }, background: true));
        subject.Owner.PostHooks.Add(Post("post-inline", _ => postRan = true));
        subject.Owner.PostHooks.Add(Post("post-background", _ => { }, background: true));
        Host.Model.Fail = true;

        var result = await subject.RunAsync("Hi", streamed);

        result.Kind.ShouldBe(RunResultKind.Failed);
        postRan.ShouldBeFalse();
        Host.Background.Items.Select(i => i.HookName).ShouldBe(["pre-background"]);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_cancelled_run_throws_and_hands_nothing_over(bool streamed)
    {
        var subject = Create(Host);
        subject.Owner.PreHooks.Add(Pre("pre-background", _ => { }, background: true));
        Host.Model.WaitForCancellation = true;
        using var cancellation = new CancellationTokenSource();

        var run = subject.RunAsync("Hi", streamed, cancellation.Token);
        (await Host.Model.Started.WaitAsync(TimeSpan.FromSeconds(30))).ShouldBeTrue("the model was called");
        await cancellation.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(run);
        Host.Background.Items.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_cancellation_the_run_did_not_ask_for_is_a_failure(bool streamed)
    {
        var subject = Create(Host);
        subject.Owner.PreHooks.Add(Pre("pre-background", _ => { }, background: true));
        Host.Model.TimeOut = true;

        var result = await subject.RunAsync("Hi", streamed);

        result.Kind.ShouldBe(RunResultKind.Failed);
        Host.Background.Items.Select(i => i.HookName).ShouldBe(["pre-background"], "only the run's own token cancels a run");
    }

    [Fact]
    public async Task Usage_adds_every_usage_item_of_a_streamed_update()
    {
        var subject = Create(Host);
        subject.Owner.PostHooks.Add(Post("audit", _ => { }, background: true));

        await subject.RunAsync("Hi", streamed: true);

        var metrics = Host.Background.Items.Single().Output!.Metrics;
        (metrics.InputTokens, metrics.OutputTokens, metrics.TotalTokens).ShouldBe((7, 2, 9));
    }

    [Fact]
    public async Task Time_to_first_token_counts_from_the_start_of_the_work_and_duration_from_the_start_of_the_run()
    {
        var subject = Create(Host);
        subject.Owner.PreHooks.Add(Pre("slow-guard", _ => Host.Clock.Advance(TimeSpan.FromSeconds(5)), guardrail: true));
        subject.Owner.PostHooks.Add(Post("audit", _ => { }, background: true));

        await subject.RunAsync("Hi", streamed: true);

        var metrics = Host.Background.Items.Single().Output!.Metrics;
        metrics.Duration.ShouldBe(TimeSpan.FromSeconds(5) + Host.Model.Delay);
        metrics.TimeToFirstToken.ShouldBe(subject.StreamsOwnContent ? Host.Model.Delay : null);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Code_inside_the_work_reaches_the_current_run(bool streamed)
    {
        var subject = Create(Host);
        subject.Owner.PostHooks.Add(Post("audit", _ => { }, background: true));

        await subject.RunAsync("Hi", streamed);

        var seen = Host.Model.Runs.ShouldHaveSingleItem().ShouldNotBeNull();
        var copy = Host.Background.Items.Single().Output!;
        seen.Run.SessionId.ShouldBe(copy.SessionId);
        seen.IsStreaming.ShouldBe(streamed);
        HookRun.Current.ShouldBeNull("the current run is gone once the run is over");
    }

    protected static HookDescriptor Pre(string name, Action<HookContext> body, bool background = false, bool guardrail = false) =>
        new(name, [InputParameter], body.Invoke) { RunInBackground = background, Guardrail = guardrail };

    protected static HookDescriptor Post(string name, Action<HookContext> body, bool background = false, bool guardrail = false) =>
        new(name, [OutputParameter], body.Invoke) { RunInBackground = background, Guardrail = guardrail };
}
