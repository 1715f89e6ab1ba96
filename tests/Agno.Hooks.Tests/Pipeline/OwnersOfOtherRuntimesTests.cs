using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;

namespace Agno.Hooks.Tests.Pipeline;

/// <summary>What the runtime offers owners of other runtimes: binding by owner type, a live session for inline hooks, and the rejection fields of M.E.AI responses.</summary>
public sealed class OwnersOfOtherRuntimesTests
{
    [Fact]
    public void A_hook_that_binds_an_owner_type_attaches_only_to_owners_of_that_type()
    {
        var hook = new HookDescriptor("Needs.Foreign", static context => { _ = (ForeignAgent)context.Owner; return default; }, [new HookParameter("agent", HookParameterKind.Owner, typeof(ForeignAgent))]);
        var foreign = new ForeignAgent("foreign");
        var ours = new Agent("ours") { Model = new OfflineChatClient() };

        foreign.PreHooks.Add(hook);
        var error = Should.Throw<HookBindingException>(() => ours.PreHooks.Add(hook));

        hook.OwnerType.ShouldBe(typeof(ForeignAgent));
        hook.OwnerKind.ShouldBe(HookOwnerKind.Any);
        error.ParameterName.ShouldBe("agent");
        error.Message.ShouldBe("Hook 'Needs.Foreign' can't be a pre-hook of 'ours', which is an Agno.Hooks Agent: its parameter 'agent' (ForeignAgent) needs an owner of type Agno.Hooks.Tests.Pipeline.OwnersOfOtherRuntimesTests+ForeignAgent. Bind the owner as IHookOwner to attach the hook to any owner.");
    }

    [Fact]
    public void A_hook_that_needs_an_Agno_Hooks_Agent_does_not_attach_to_another_agent_of_kind_agent()
    {
        var hook = new HookDescriptor("Needs.Agent", static _ => default, [new HookParameter("agent", HookParameterKind.Owner, typeof(Agent))]);

        var error = Should.Throw<HookBindingException>(() => new ForeignAgent("foreign").PostHooks.Add(hook));

        error.Message.ShouldContain("which is an agent of type ForeignAgent: its parameter 'agent' (Agent) needs an Agno.Hooks Agent.");
    }

    [Fact]
    public async Task Inline_hooks_get_the_runs_session_and_a_run_without_one_says_so()
    {
        object? seen = null;
        var hook = new HookDescriptor("Session", context => { seen = context.RequiredSession; return default; }, [new HookParameter("session", HookParameterKind.Session, typeof(object))]);
        var owner = new ForeignAgent("foreign");
        owner.PreHooks.Add(hook);
        var session = new object();

        var output = await HookPipeline.Default.RunAsync(owner, "hi", RunWork.FromAnswer(_ => new("ok")), new RunOptions { Session = session });
        output.Status.ShouldBe(RunStatus.Completed);
        var without = new HookContext(HookStage.Pre, owner, new RunContext("r", "s"), new RunInput("hi"), null, EmptyServiceProvider.Instance, default);

        seen.ShouldBeSameAs(session);
        Should.Throw<InvalidOperationException>(() => without.RequiredSession).Message.ShouldContain("binds the run's session, but this run has none");
    }

    [Fact]
    public async Task A_nested_run_that_ends_after_its_parent_can_not_add_background_work_to_it()
    {
        HookRun? parent = null;
        var owner = new ForeignAgent("parent");
        var output = await HookPipeline.Default.RunAsync(owner, "hi", RunWork.FromAnswer(run => { parent = run; return new("ok"); }));
        var child = new Agent("late-child") { Model = new OfflineChatClient() };
        child.PreHooks.Add(Support.TestHooks.Pre("late", _ => { }, background: true));

        var error = await Should.ThrowAsync<InvalidOperationException>(() => child.RunAsync("hi", parent!.Nested()));

        output.Status.ShouldBe(RunStatus.Completed);
        error.Message.ShouldBe($"Run '{parent!.Run.RunId}' of 'parent' has already completed: a nested run must complete before its parent.");
    }

    [Fact]
    public void A_rejection_round_trips_through_a_chat_response()
    {
        var check = new InputCheckException("Potential PII detected in input", CheckTrigger.PiiDetected, new JsonObject { ["detected_pii"] = new JsonArray("SSN") });
        var rejection = HookRejection.From(check);
        var response = new ChatResponse(new ChatMessage(ChatRole.Assistant, rejection.Message)) { AdditionalProperties = rejection.WriteTo(null) };

        var read = response.GetHookRejection().ShouldNotBeNull();

        read.Message.ShouldBe("Potential PII detected in input");
        read.ErrorType.ShouldBe("input_check_error");
        read.ErrorId.ShouldBe("pii_detected");
        read.AdditionalData!.ToJsonString().ShouldBe("""{"detected_pii":["SSN"]}""");
        new ChatResponse(new ChatMessage(ChatRole.Assistant, "fine")).GetHookRejection().ShouldBeNull();
    }

    /// <summary>An agent of some other runtime: an owner of kind agent that is not Agno.Hooks' Agent.</summary>
    private sealed class ForeignAgent : IHookOwner
    {
        public ForeignAgent(string id)
        {
            Id = id;
            PreHooks = new HookList(this, HookStage.Pre);
            PostHooks = new HookList(this, HookStage.Post);
        }

        public string Id { get; }

        public string? Name => null;

        public HookOwnerKind Kind => HookOwnerKind.Agent;

        public HookList PreHooks { get; }

        public HookList PostHooks { get; }
    }
}
