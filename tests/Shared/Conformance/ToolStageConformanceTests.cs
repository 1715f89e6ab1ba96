using System.Collections.Concurrent;
using Microsoft.Extensions.AI;

namespace Agno.Hooks.Conformance;

/// <summary>
/// The tool stage, the same on every owner whose model calls tools (<see cref="IToolHookOwner"/>): our Agent, a Team's
/// leader, the chat client (the request's tools, in its own loop) and the Agent Framework agent (in the inner agent's
/// loop). The scripted model calls its <c>probe</c> tool once it is offered (<see cref="ScriptedModel.ProbeTool"/>), then
/// quotes what it got; each case runs streamed and not. A Workflow (its tools are its steps') and the custom owner (no
/// tool loop of its own) have no tool stage: they derive <see cref="RunConformanceTests"/> only, so these cases don't run there.
/// </summary>
public abstract class ToolStageConformanceTests : RunConformanceTests
{
    protected static readonly HookParameter NextParameter = new("next", HookParameterKind.Next, typeof(HookNext));

    private static readonly HookParameter CallParameter = new("call", HookParameterKind.ToolCall, typeof(ToolCall));

    /// <summary>What happened in order: the probe's runs as <c>probe(text)</c>, and what the hooks of a test log.</summary>
    protected ConcurrentQueue<string> Log { get; } = new();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Every_tool_call_is_recorded_in_the_run_and_its_result_reaches_the_model(bool streamed)
    {
        Host.Model.ProbeTexts = ["first", "second"];
        var subject = CreateWithProbe();

        var result = await subject.RunAsync("Hi", streamed);

        result.ShouldBe(new RunResult(RunResultKind.Completed, "probe returned: echo first; echo second"));
        Log.ShouldBe(["probe(first)", "probe(second)"]);
        Host.Model.Calls.ShouldBe(2, "the call's turn, then the answer's");
        var tools = RecordedTools();
        tools.Select(t => (t.ToolCallId, t.ToolName, (string?)t.ToolArgs!["text"], t.Result, t.ToolCallError)).ShouldBe(
        [
            ("call-1", ScriptedModel.ProbeTool, "first", "echo first", false),
            ("call-2", ScriptedModel.ProbeTool, "second", "echo second", false),
        ]);
        tools.ShouldAllBe(t => t.StartedAt != null && t.Duration != null, "each record says when the tool ran and for how long");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Arguments_changed_before_the_call_reach_the_tool_and_its_record(bool streamed)
    {
        var subject = CreateWithProbe();
        ToolHooks(subject).PreToolHooks.Add(Hook("edit", call => call.Arguments["text"] = "edited"));

        var result = await subject.RunAsync("Hi", streamed);

        result.ShouldBe(new RunResult(RunResultKind.Completed, "probe returned: echo edited"));
        Log.ShouldBe(["probe(edited)"]);
        ((string?)RecordedTools().ShouldHaveSingleItem().ToolArgs!["text"]).ShouldBe("edited", "the record has the arguments the tool got");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_refused_call_is_not_run_and_the_model_gets_the_refusal(bool streamed)
    {
        var subject = CreateWithProbe();
        var hooks = ToolHooks(subject);
        hooks.PreToolHooks.Add(Hook("refuse", call => call.Refuse("Not now.")));
        hooks.PreToolHooks.Add(Hook("after-refusal", _ => Log.Enqueue("not reached")));
        hooks.PostToolHooks.Add(Hook("after", call => Log.Enqueue($"after({call.IsRefused}, {call.Result})")));

        var result = await subject.RunAsync("Hi", streamed);

        result.ShouldBe(new RunResult(RunResultKind.Completed, "probe returned: Not now."), "the model got the refusal as the call's result");
        Log.ToArray().ShouldBe(["after(True, Not now.)"], "neither the tool nor the hooks before it after the refusal ran; the hooks after it did");
        var tool = RecordedTools().ShouldHaveSingleItem();
        (tool.Result, tool.ToolCallError).ShouldBe(("Not now.", true));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_guardrail_before_the_call_runs_first_and_rejects_the_run(bool streamed)
    {
        var subject = CreateWithProbe();
        subject.Owner.PreHooks.Add(Pre("pre-background", _ => { }, background: true));
        var hooks = ToolHooks(subject);
        hooks.PreToolHooks.Add(Hook("plain", _ => Log.Enqueue("plain")));
        hooks.PreToolHooks.Add(Hook("policy", call => throw new OutputCheckException($"{call.Name} is not allowed", CheckTrigger.OutputNotAllowed), guardrail: true));

        var result = await subject.RunAsync("Hi", streamed);

        ShouldBeRejected(subject, result, "probe is not allowed");
        Log.ShouldBeEmpty("the guardrail ran first and rejected: neither the other hook nor the tool ran");
        Host.Model.Calls.ShouldBe(1, "the loop ended at the call: the model was not asked again");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_guardrail_after_the_call_rejects_the_run_before_the_model_sees_the_result(bool streamed)
    {
        var subject = CreateWithProbe();
        subject.Owner.PreHooks.Add(Pre("pre-background", _ => { }, background: true));
        var hooks = ToolHooks(subject);
        hooks.PostToolHooks.Add(Hook("plain", _ => Log.Enqueue("plain")));
        hooks.PostToolHooks.Add(Hook("leak-check", call => throw new OutputCheckException($"{call.Name} returned too much", CheckTrigger.OutputNotAllowed), guardrail: true));

        var result = await subject.RunAsync("Hi", streamed);

        ShouldBeRejected(subject, result, "probe returned too much");
        Log.ToArray().ShouldBe(["probe(ping)"], "the tool ran; the guardrail after it ran first and rejected, so the other hook did not");
        Host.Model.Calls.ShouldBe(1, "the model never got the result");
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public async Task A_failed_tool_is_recorded_and_the_model_is_told_only_that_it_failed(bool streamed, bool timedOut)
    {
        // A tool's own time-out is a cancellation the run did not ask for: a failure of the tool, not of the run.
        var subject = CreateWithProbe(_ => throw (timedOut ? new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout.") : new InvalidOperationException("secret connection string")));

        var result = await subject.RunAsync("Hi", streamed);

        result.ShouldBe(new RunResult(RunResultKind.Completed, "probe returned: The tool failed."));
        var tool = RecordedTools().ShouldHaveSingleItem();
        (tool.Result, tool.ToolCallError).ShouldBe(("The tool failed.", true));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_run_cancelled_during_a_tool_call_throws_and_hands_nothing_over(bool streamed)
    {
        var subject = Create(Host);
        using var toolStarted = new SemaphoreSlim(0);
        subject.AddTool(AIFunctionFactory.Create(async (string text, CancellationToken cancellationToken) =>
        {
            toolStarted.Release();
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return text;
        }, ScriptedModel.ProbeTool));
        subject.Owner.PreHooks.Add(Pre("pre-background", _ => { }, background: true));
        using var cancellation = new CancellationTokenSource();

        var run = subject.RunAsync("Hi", streamed, cancellation.Token);
        (await toolStarted.WaitAsync(TimeSpan.FromSeconds(30))).ShouldBeTrue("the tool was called");
        await cancellation.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(run);
        Host.Model.Calls.ShouldBe(1);
        Host.Background.Items.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_result_changed_after_the_call_is_what_the_model_gets_and_the_record_has(bool streamed)
    {
        var subject = CreateWithProbe();
        ToolHooks(subject).PostToolHooks.Add(Hook("mask", call => call.Result = $"{call.Result} (checked)"));

        var result = await subject.RunAsync("Hi", streamed);

        result.ShouldBe(new RunResult(RunResultKind.Completed, "probe returned: echo ping (checked)"));
        RecordedTools().ShouldHaveSingleItem().Result.ShouldBe("echo ping (checked)");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Hooks_around_the_call_nest_in_list_order_the_first_outermost_and_may_retry_it(bool streamed)
    {
        var failures = 1;
        var subject = CreateWithProbe(text => failures-- > 0 ? throw new TimeoutException("flaky") : $"echo {text}");
        var hooks = ToolHooks(subject);
        hooks.ToolHooks.Add(new HookDescriptor("retry", async context =>
        {
            Log.Enqueue("retry in");
            await context.RequiredNext();
            if (context.RequiredToolCall.Exception is not null)
            {
                await context.RequiredNext();
            }

            Log.Enqueue("retry out");
        }, [CallParameter, NextParameter]));
        hooks.ToolHooks.Add(new HookDescriptor("inner", async context =>
        {
            Log.Enqueue("inner in");
            await context.RequiredNext();
            Log.Enqueue($"inner out({context.RequiredToolCall.Result})");
        }, [CallParameter, NextParameter]));

        var result = await subject.RunAsync("Hi", streamed);

        Log.ShouldBe(["retry in", "inner in", "probe(ping)", "inner out(The tool failed.)", "inner in", "probe(ping)", "inner out(echo ping)", "retry out"]);
        result.ShouldBe(new RunResult(RunResultKind.Completed, "probe returned: echo ping"), "the model got the retry's result");
        var tool = RecordedTools().ShouldHaveSingleItem();
        (tool.Result, tool.ToolCallError).ShouldBe(("echo ping", false));
    }

    /// <summary>
    /// A fresh owner on <see cref="RunConformanceTests.Host"/> with the probe tool (logged as <c>probe(text)</c>; it answers
    /// "echo text" unless <paramref name="answer"/> says otherwise) and a background audit, whose copy has the run's tool calls.
    /// </summary>
    protected OwnerUnderTest CreateWithProbe(Func<string, string>? answer = null)
    {
        var subject = Create(Host);
        subject.AddTool(AIFunctionFactory.Create((string text) =>
        {
            Log.Enqueue($"probe({text})");
            return answer is null ? $"echo {text}" : answer(text);
        }, ScriptedModel.ProbeTool));
        subject.Owner.PostHooks.Add(Post("audit", _ => { }, background: true));
        return subject;
    }

    /// <summary>
    /// The run ended with <paramref name="message"/>'s rejection and nothing else came out of it: no answer streamed,
    /// nothing handed over to the background (each such test has a background hook that ran before the rejection).
    /// </summary>
    protected void ShouldBeRejected(OwnerUnderTest subject, RunResult result, string message)
    {
        result.ShouldBe(new RunResult(RunResultKind.Rejected, message));
        subject.Deltas.ShouldBeEmpty("nothing of an answer streamed");
        Host.Background.Items.ShouldBeEmpty("a rejected run hands nothing over");
    }

    /// <summary>The tool calls recorded in the run (<see cref="RunOutput.Tools"/>), from the audit's copy of it.</summary>
    protected List<ToolExecution> RecordedTools() => Host.Background.Items.Single(i => i.HookName == "audit").Output.ShouldNotBeNull().Tools;

    private static IToolHookOwner ToolHooks(OwnerUnderTest subject) => subject.Owner.ShouldBeAssignableTo<IToolHookOwner>().ShouldNotBeNull();

    /// <summary>A hook before or after each call (the list it is in says which).</summary>
    private static HookDescriptor Hook(string name, Action<ToolCall> body, bool guardrail = false) =>
        new(name, [CallParameter], context => body(context.RequiredToolCall)) { Guardrail = guardrail };
}
