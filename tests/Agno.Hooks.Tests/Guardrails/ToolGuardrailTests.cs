using Agno.Hooks.Tests.Support;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Agno.Hooks.Tests.Guardrails;

/// <summary>
/// The built-in tool guardrails, as a user adds them (<c>AddAgnoHooks().AddToolPolicy(...)</c>, <c>AddToolResultPiiMasking()</c>)
/// and attaches their generated descriptors: a policy on which tools and arguments the model may use, and personal data
/// masked in what a tool returned before the model sees it.
/// </summary>
public sealed class ToolGuardrailTests
{
    private readonly List<string> _ran = [];

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_policy_refuses_a_denied_tool_and_an_argument_a_rule_blocks_and_lets_the_rest_run(bool streamed)
    {
        await using var host = HookTestHost.Create(hooks: h => h.AddToolPolicy(p =>
        {
            p.Deny.Add("delete_customer");
            p.ArgumentRules.Add(new ToolArgumentRule("send_email", "to", @"@(?!example\.com$)"));
        }));
        var agent = Agent(host);
        agent.PreToolHooks.Add(ToolPolicyGuardrail.CheckHook);

        var (output, _) = await StreamedOrNot.RunAsync(agent, "delete_customer id=7, send_email to=eve@evil.test, get_orders", streamed);

        _ran.ShouldBe(["get_orders"], "only the allowed call ran");
        output.Status.ShouldBe(RunStatus.Completed);
        output.Tools.Select(t => (t.ToolName, t.ToolCallError, t.Result)).ShouldBe(
        [
            ("delete_customer", true, "The tool 'delete_customer' is not allowed."),
            ("send_email", true, "The tool 'send_email' may not be called with that to."),
            ("get_orders", false, "2 orders"),
        ]);
    }

    [Fact]
    public async Task The_policy_may_reject_the_run_instead()
    {
        await using var host = HookTestHost.Create(hooks: h => h.AddToolPolicy(p =>
        {
            p.Allow = ["get_orders"];
            p.RejectRun = true;
        }));
        var agent = Agent(host);
        agent.PreToolHooks.Add(ToolPolicyGuardrail.CheckHook);

        var output = await agent.RunAsync("delete_customer id=7");

        output.Status.ShouldBe(RunStatus.Error);
        output.ErrorId.ShouldBe("tool_not_allowed");
        output.Content.ShouldBe("The tool 'delete_customer' is not allowed.");
        _ran.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Personal_data_in_a_tools_result_is_masked_before_the_model_sees_it(bool streamed)
    {
        await using var host = HookTestHost.Create(hooks: h => h.AddToolResultPiiMasking());
        var agent = Agent(host);
        agent.PostToolHooks.Add(ToolResultPiiGuardrail.CheckHook);

        var (output, events) = await StreamedOrNot.RunAsync(agent, "lookup_customer id=7", streamed);

        output.Content!.ShouldContain("lookup_customer returned: Jane, ************, ************.", Case.Sensitive, output.Content);
        output.Tools.Single().Result.ShouldBe("Jane, ************, ************");
        events.ShouldAllBe(e => e.Content == null || !e.Content.Contains("jane@corp.io"));
    }

    [Fact]
    public void A_bad_rule_stops_the_host_naming_it()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddAgnoHooks().AddToolPolicy(p => p.ArgumentRules.Add(new ToolArgumentRule("send_email", "to", "(unclosed")));
        using var app = builder.Build();

        Should.Throw<Microsoft.Extensions.Options.OptionsValidationException>(() => app.StartAsync().GetAwaiter().GetResult())
            .Message.ShouldContain("The argument rule for 'send_email'.'to' is not a valid regular expression");
    }

    [Fact]
    public async Task A_tool_guardrail_attached_but_not_added_stops_the_host_naming_it_on_the_owner_or_on_its_tool()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddAgnoHooks();
        var hooked = new HookedTool(Tool("lookup_customer", "Jane"));
        hooked.PostToolHooks.Add(ToolResultPiiGuardrail.CheckHook);
        var agent = new Agent("forgot") { Model = new OfflineChatClient(), Tools = { hooked } };
        agent.PreToolHooks.Add(ToolPolicyGuardrail.CheckHook);
        builder.Services.AddAgent(agent);
        using var app = builder.Build();

        var error = await Should.ThrowAsync<InvalidOperationException>(() => app.StartAsync());

        error.Message.ShouldContain("Hook 'ToolPolicyGuardrail' of 'forgot' is an instance method of ToolPolicyGuardrail, which is not registered");
        error.Message.ShouldContain("Hook 'ToolResultPIIGuardrail' of 'forgot' is an instance method of ToolResultPiiGuardrail, which is not registered");
    }

    private Agent Agent(HookTestHost host) => new("support")
    {
        Model = new OfflineChatClient(),
        Services = host.Services,
        Tools =
        {
            Tool("delete_customer", "deleted"),
            Tool("send_email", "sent"),
            Tool("get_orders", "2 orders"),
            Tool("lookup_customer", "Jane, jane@corp.io, 555-123-4567"),
        },
    };

    private AIFunction Tool(string name, string result) => AIFunctionFactory.Create(() =>
    {
        _ran.Add(name);
        return result;
    }, name);
}
