using System.Text.RegularExpressions;
using Agno.Hooks.Tests.Support;
using Microsoft.Extensions.AI;
using ModelContextProtocol.Client;

namespace Agno.Hooks.Tests.Tools;

/// <summary>
/// An MCP server's tools on our agent (issue 22): a real server from the ModelContextProtocol SDK, in process
/// (<see cref="CustomerMcpServer"/>), whose tools the SDK's client lists as <see cref="AIFunction"/>s. The offline model
/// calls them, the server runs them, and the tool-call hooks apply to them as to any tool (Agno's gap #4031): a hook
/// before the call keeps a destructive call from ever reaching the server, a hook after it masks personal data in what
/// the server returned before the model sees it. Streamed and not.
/// </summary>
public sealed partial class McpToolTests : IAsyncLifetime
{
    private static readonly HookParameter CallParameter = new("call", HookParameterKind.ToolCall, typeof(ToolCall));

    private readonly List<string> _modelSaw = [];
    private CustomerMcpServer _mcp = null!;

    public async Task InitializeAsync() => _mcp = await CustomerMcpServer.StartAsync();

    public async Task DisposeAsync() => await _mcp.DisposeAsync();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_model_calls_an_MCP_tool_the_server_runs_it_and_the_answer_quotes_its_result(bool streamed)
    {
        var agent = await AgentAsync();
        agent.Tools.Select(t => t.Name).ShouldBe(["get_orders", "lookup_customer", "delete_customer", "get_notes"], "the server's tools, as it lists them");
        agent.Tools.ShouldAllBe(t => t is McpClientTool);

        var (output, events) = await StreamedOrNot.RunAsync(agent, "What is open? get_orders customer=C-42", streamed);

        _mcp.Received.ShouldBe(["get_orders(customer=\"C-42\")"], "the server got the model's call with its arguments");
        _mcp.Returned.ShouldBe(["Customer C-42 has 2 open orders: A-17 and A-18"]);
        output.Status.ShouldBe(RunStatus.Completed);
        output.Content!.ShouldEndWith("get_orders returned: Customer C-42 has 2 open orders: A-17 and A-18.");
        var tool = output.Tools.ShouldHaveSingleItem();
        tool.ToolName.ShouldBe("get_orders");
        tool.ToolArgs!["customer"]!.GetValue<string>().ShouldBe("C-42");
        tool.Result.ShouldBe("Customer C-42 has 2 open orders: A-17 and A-18");
        tool.ToolCallError.ShouldBeFalse();
        tool.Duration.ShouldNotBeNull();
        if (streamed)
        {
            events.Single(e => e.Kind == RunEventKind.ToolCallStarted).Tool!.ToolName.ShouldBe("get_orders");
            events.Single(e => e.Kind == RunEventKind.ToolCallCompleted).Tool.ShouldBeSameAs(tool);
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_result_of_several_content_blocks_is_recorded_and_quoted_as_their_text(bool streamed)
    {
        var agent = await AgentAsync();

        var (output, _) = await StreamedOrNot.RunAsync(agent, "get_notes customer=C-42", streamed);

        _mcp.Received.ShouldBe(["get_notes(customer=\"C-42\")"]);
        output.Tools.ShouldHaveSingleItem().Result.ShouldBe("Prefers e-mail.\nRenewal due in June.", "each block's text, a line each");
        output.Content!.ShouldEndWith("get_notes returned: Prefers e-mail.\nRenewal due in June.");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_hook_before_the_call_refuses_a_destructive_MCP_tool_and_the_server_never_sees_the_call(bool streamed)
    {
        const string Refusal = "delete_customer is destructive: ask a person to do it.";
        var agent = await AgentAsync();

        // The MCP server's own annotation says which tools destroy data: the hook reads it from the listed tool.
        agent.PreToolHooks.Add(new HookDescriptor("no-destructive-mcp-tools", [CallParameter], context =>
        {
            var call = context.RequiredToolCall;
            if (call.Function is McpClientTool { ProtocolTool.Annotations.DestructiveHint: true })
            {
                call.Refuse($"{call.Name} is destructive: ask a person to do it.");
            }
        }));

        var (output, events) = await StreamedOrNot.RunAsync(agent, "get_orders customer=C-42, then delete_customer customer=C-42", streamed);

        _mcp.Received.ShouldBe(["get_orders(customer=\"C-42\")"], "the refused call never reached the server; the other one did");
        output.Status.ShouldBe(RunStatus.Completed, "a refusal is the model's to handle");
        output.Tools.Select(t => (t.ToolName, t.ToolCallError, t.Result)).ShouldBe(
        [
            ("get_orders", false, "Customer C-42 has 2 open orders: A-17 and A-18"),
            ("delete_customer", true, Refusal),
        ]);
        output.Content!.ShouldEndWith($"delete_customer returned: {Refusal}");
        if (streamed)
        {
            events.Single(e => e.Kind == RunEventKind.ToolCallError).Tool!.ToolName.ShouldBe("delete_customer");
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_hook_after_the_call_masks_personal_data_in_an_MCP_result_before_the_model_sees_it(bool streamed)
    {
        const string Masked = "Customer C-42 is Jane Roe, [email], [phone]";
        var agent = await AgentAsync();
        agent.PostToolHooks.Add(new HookDescriptor("mask-pii", [CallParameter], context =>
        {
            // An MCP tool's text result comes back from the SDK's client as M.E.AI text content.
            var call = context.RequiredToolCall;
            var text = call.Result.ShouldBeOfType<TextContent>().Text;
            call.Result = new TextContent(PhoneNumber().Replace(EmailAddress().Replace(text, "[email]"), "[phone]"));
        }));

        var (output, events) = await StreamedOrNot.RunAsync(agent, "Who is this? lookup_customer customer=C-42", streamed);

        _mcp.Returned.ShouldHaveSingleItem().ShouldContain(CustomerMcpServer.Email, customMessage: "the server returned the raw data");
        _modelSaw.Count.ShouldBe(2, "the call, then the answer");
        _modelSaw[1].ShouldContain(Masked, customMessage: "the model's second turn got the masked result");
        output.Content!.ShouldEndWith($"lookup_customer returned: {Masked}.");
        output.Tools.ShouldHaveSingleItem().Result.ShouldBe(Masked);
        foreach (var seen in new[] { string.Concat(_modelSaw), output.Content, output.Tools[0].Result!, string.Concat(events.Select(e => e.Tool?.Result)) })
        {
            seen.ShouldNotContain(CustomerMcpServer.Email);
            seen.ShouldNotContain(CustomerMcpServer.Phone);
        }
    }

    [GeneratedRegex(@"[\w.+-]+@[\w-]+(\.[\w-]+)+")]
    private static partial Regex EmailAddress();

    [GeneratedRegex(@"\b\d{3}-\d{3}-\d{4}\b")]
    private static partial Regex PhoneNumber();

    /// <summary>An agent with the MCP server's tools, on the offline model, recording what the model is sent.</summary>
    private async Task<Agent> AgentAsync()
    {
        var model = new ChatClientBuilder(new OfflineChatClient())
            .Use(async (messages, options, next, cancellationToken) =>
            {
                _modelSaw.Add(string.Join("\n", messages.SelectMany(m => m.Contents).Select(Text)));
                await next(messages, options, cancellationToken);
            })
            .Build();
        var agent = new Agent("customer-care") { Model = model };
        foreach (var tool in await _mcp.Client.ListToolsAsync())
        {
            agent.Tools.Add(tool);
        }

        return agent;
    }

    private static string? Text(AIContent content) => content switch
    {
        TextContent text => text.Text,
        FunctionCallContent call => $"call {call.Name}",
        FunctionResultContent result => $"result {result.Result}",
        _ => content.ToString(),
    };
}
