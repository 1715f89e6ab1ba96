using Microsoft.Extensions.AI;

namespace Agno.Hooks.Conformance;

/// <summary>
/// The model stage, the same on every owner whose own tool loop requests the model (<see cref="IModelHookOwner"/>): our
/// Agent, a Team's leader and the chat client; each case streamed and not. The Agent Framework agent has no model stage
/// (its model is under the inner agent's own loop): it derives <see cref="ToolStageConformanceTests"/>, so these cases
/// don't run there, nor on owners without tools.
/// </summary>
public abstract class ModelStageConformanceTests : ToolStageConformanceTests
{
    private static readonly HookParameter RequestParameter = new("request", HookParameterKind.ModelRequest, typeof(ModelRequest));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Messages_changed_before_the_request_are_what_the_model_gets(bool streamed)
    {
        var subject = Create(Host);
        ModelHooks(subject).PreModelHooks.Add(Hook("brief", request => request.Messages.Add(new ChatMessage(ChatRole.User, "Be brief."))));

        var result = await subject.RunAsync("Hi", streamed);

        result.ShouldBe(new RunResult(RunResultKind.Completed, "Hello world"));
        Host.Model.Requests.ShouldHaveSingleItem()[^1].Text.ShouldBe("Be brief.");
        if (streamed)
        {
            subject.Deltas.ShouldBe(["Hello", " world"], "a hook before the request leaves the model's stream as it comes");
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Options_changed_before_the_request_are_what_the_model_gets(bool streamed)
    {
        var subject = CreateWithProbe();
        ModelHooks(subject).PreModelHooks.Add(Hook("no-tools", request => request.Options = null));

        var result = await subject.RunAsync("Hi", streamed);

        result.ShouldBe(new RunResult(RunResultKind.Completed, "Hello world"), "offered no tool, the model answered without calling one");
        Log.ShouldBeEmpty();
        RecordedTools().ShouldBeEmpty();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_hook_before_the_request_may_answer_in_the_models_place(bool streamed)
    {
        var subject = Create(Host);
        ModelHooks(subject).PreModelHooks.Add(Hook("cache", request => request.Response = new ChatResponse(new ChatMessage(ChatRole.Assistant, "From the cache."))));

        var result = await subject.RunAsync("Hi", streamed);

        result.ShouldBe(new RunResult(RunResultKind.Completed, "From the cache."));
        Host.Model.Calls.ShouldBe(0);
        if (streamed)
        {
            string.Concat(subject.Deltas).ShouldBe("From the cache.");
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_response_changed_after_the_request_is_the_answer(bool streamed)
    {
        var subject = Create(Host);
        ModelHooks(subject).PostModelHooks.Add(Hook("sign", request => request.Response!.Messages[^1].Contents.Add(new TextContent(" -- checked"))));

        var result = await subject.RunAsync("Hi", streamed);

        result.ShouldBe(new RunResult(RunResultKind.Completed, "Hello world -- checked"));
        Host.Model.Calls.ShouldBe(1);
        if (streamed)
        {
            string.Concat(subject.Deltas).ShouldBe("Hello world -- checked", "what streamed is the changed response");
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_guardrail_before_the_request_rejects_the_run_before_the_model_is_called(bool streamed)
    {
        var subject = Create(Host);
        subject.Owner.PreHooks.Add(Pre("pre-background", _ => { }, background: true));
        var hooks = ModelHooks(subject);
        hooks.PreModelHooks.Add(Hook("plain", _ => Log.Enqueue("plain")));
        hooks.PreModelHooks.Add(Hook("budget", _ => throw new InputCheckException("Over budget", CheckTrigger.InputNotAllowed), guardrail: true));

        var result = await subject.RunAsync("Hi", streamed);

        ShouldBeRejected(subject, result, "Over budget");
        Log.ShouldBeEmpty("the guardrail ran first");
        Host.Model.Calls.ShouldBe(0);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_guardrail_after_the_request_rejects_the_run_and_none_of_the_response_streams(bool streamed)
    {
        var subject = Create(Host);
        subject.Owner.PreHooks.Add(Pre("pre-background", _ => { }, background: true));
        ModelHooks(subject).PostModelHooks.Add(Hook("review", request => throw new OutputCheckException($"Not '{request.Response!.Text}'", CheckTrigger.OutputNotAllowed), guardrail: true));

        var result = await subject.RunAsync("Hi", streamed);

        // A hook after the request holds a streamed response whole: none of it went out before the guardrail rejected it.
        ShouldBeRejected(subject, result, "Not 'Hello world'");
        Host.Model.Calls.ShouldBe(1);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Hooks_around_the_request_nest_in_list_order_at_each_turn_of_the_tool_loop(bool streamed)
    {
        var subject = CreateWithProbe();
        var hooks = ModelHooks(subject);
        hooks.ModelHooks.Add(Around("outer"));
        hooks.ModelHooks.Add(Around("inner"));

        var result = await subject.RunAsync("Hi", streamed);

        result.ShouldBe(new RunResult(RunResultKind.Completed, "probe returned: echo ping"));
        Log.ToArray().ShouldBe(
        [
            "outer in(1)", "inner in(1)", "inner out", "outer out",
            "probe(ping)",
            "outer in(3)", "inner in(3)", "inner out", "outer out",
        ], "the call's turn, the call, then the answer's turn with the call and its result");
        RecordedTools().ShouldHaveSingleItem().Result.ShouldBe("echo ping");
    }

    private static IModelHookOwner ModelHooks(OwnerUnderTest subject) => subject.Owner.ShouldBeAssignableTo<IModelHookOwner>().ShouldNotBeNull();

    /// <summary>A hook before or after each request (the list it is in says which).</summary>
    private static HookDescriptor Hook(string name, Action<ModelRequest> body, bool guardrail = false) =>
        new(name, [RequestParameter], context => body(context.RequiredModelRequest)) { Guardrail = guardrail };

    private HookDescriptor Around(string name) => new(name, async context =>
    {
        Log.Enqueue($"{name} in({context.RequiredModelRequest.Messages.Count})");
        await context.RequiredNext();
        Log.Enqueue($"{name} out");
    }, [RequestParameter, NextParameter]);
}
