using Agno.Hooks.Tests.Support;
using static Agno.Hooks.Tests.Support.TestHooks;

namespace Agno.Hooks.Tests.Hooks;

public sealed class HookBindingTests
{
    [Fact]
    public void A_hook_that_binds_the_output_is_post_only_and_attaching_it_as_a_pre_hook_names_hook_and_parameter()
    {
        var agent = new Agent("a") { Model = new OfflineChatClient() };
        var hook = Post("LogAnalytics", _ => { });

        hook.Stages.ShouldBe(HookStages.Post | HookStages.ToolCalls | HookStages.ModelCalls, "after the model, and at its tool calls and requests (the output in progress): never before it");
        var error = Should.Throw<HookBindingException>(() => agent.PreHooks.Add(hook));

        error.HookName.ShouldBe("LogAnalytics");
        error.ParameterName.ShouldBe("output");
        error.Message.ShouldContain("'LogAnalytics'");
        error.Message.ShouldContain("'output'");
        agent.PreHooks.ShouldBeEmpty();
    }

    [Fact]
    public void A_hook_without_an_output_fits_both_stages()
    {
        var agent = new Agent("a") { Model = new OfflineChatClient() };
        var hook = Pre("Audit", _ => { });

        agent.PreHooks.Add(hook);
        agent.PostHooks.Add(hook);

        hook.Stages.ShouldBe(HookStages.Any);
        agent.PreHooks.ShouldHaveSingleItem();
        agent.PostHooks.ShouldHaveSingleItem();
    }

    [Fact]
    public void Replacing_an_entry_is_checked_too()
    {
        var agent = new Agent("a") { Model = new OfflineChatClient() };
        agent.PreHooks.Add(Pre("Audit", _ => { }));

        Should.Throw<HookBindingException>(() => agent.PreHooks[0] = Post("Late", _ => { }));
    }

    [Fact]
    public void A_guardrail_can_not_run_in_the_background()
    {
        var agent = new Agent("a") { Model = new OfflineChatClient() };

        var error = Should.Throw<HookBindingException>(() => agent.PreHooks.Add(Pre("Both", _ => { }, background: true, guardrail: true)));

        error.Message.ShouldContain("guardrail");
    }

    [Fact]
    public void The_owner_kind_comes_from_the_owner_parameter()
    {
        var hook = new HookDescriptor("NeedsAgent", _ => default, [AgentParameter]);
        var anyOwner = new HookDescriptor("AnyOwner", _ => default, [new HookParameter("owner", HookParameterKind.Owner, typeof(IHookOwner))]);

        hook.OwnerKind.ShouldBe(HookOwnerKind.Agent);
        anyOwner.OwnerKind.ShouldBe(HookOwnerKind.Any);
        new Agent("a") { Model = new OfflineChatClient() }.PreHooks.Add(hook);
    }

    [Fact]
    public void Service_types_include_the_instance_target_and_service_parameters()
    {
        var hook = new HookDescriptor("Instance", _ => default, [new HookParameter("sink", HookParameterKind.Service, typeof(TextWriter)), InputParameter], targetType: typeof(StringComparer));

        hook.ServiceTypes.ShouldBe([typeof(StringComparer), typeof(TextWriter)]);
    }
}
