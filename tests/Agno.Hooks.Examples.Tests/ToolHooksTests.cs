using System.Text.Json.Nodes;
using Agno.Hooks.Examples.Tests.Infrastructure;

namespace Agno.Hooks.Examples.Tests;

/// <summary>
/// examples/ToolHooks, driven by its README's curls, as a real process: a tool's personal data masked before the model
/// saw it, an MCP tool run and the destructive one refused before it reached the MCP server, the calls told in the
/// stream, and the audit hook written after each response.
/// </summary>
public sealed class ToolHooksTests
{
    private const string Readme = "examples/ToolHooks/README.md";

    [Fact]
    public async Task The_READMEs_curls_mask_a_tools_personal_data_refuse_the_destructive_call_and_audit_every_call_after_the_response()
    {
        var curls = ReadmeCommands.Curls(Readme);
        curls.Count.ShouldBe(2, "the README's two curls: a lookup, then orders and a deletion");
        var streamed = ReadmeCommands.StreamedCurl(Readme);

        await using var example = await ExampleProcess.StartAsync("ToolHooks");

        // 1. The lookup: the tool's e-mail and phone masked before the model saw them, in the answer and the record.
        var (lookup, _) = await ExampleRun.PostAsync(example, curls[0].Path, curls[0].Message);
        var json = lookup.ToJsonString();
        json.ShouldNotContain("jane.roe@example.com");
        json.ShouldNotContain("555-123-4567");
        lookup["content"]!.GetValue<string>().ShouldContain("lookup_customer returned: Customer C-42 is Jane Roe, ********************, ************.");
        var call = lookup["tools"]!.AsArray().ShouldHaveSingleItem()!;
        call["tool_name"]!.GetValue<string>().ShouldBe("lookup_customer");
        call["tool_args"]!["customer"]!.GetValue<string>().ShouldBe("C-42");
        call["tool_call_error"]!.GetValue<bool>().ShouldBeFalse();

        // The audit hook ran after the response, on the masked record.
        var audit = await example.WaitForLineAsync("[ToolAudit] lookup_customer");
        audit.ShouldBeGreaterThan(await example.WaitForLineAsync(ExampleRun.ResponseSent), $"written after the response was sent:\n{example.Output}");
        example.Line(audit).ShouldContain("********************");

        // 2. The MCP tool ran on the MCP server; the destructive one was refused before it got there.
        var (orders, _) = await ExampleRun.PostAsync(example, curls[1].Path, curls[1].Message);
        orders["content"]!.GetValue<string>().ShouldContain("get_orders returned: Customer C-42 has 2 open orders: A-17 and A-18.");
        orders["content"]!.GetValue<string>().ShouldContain("delete_customer returned: The tool 'delete_customer' is not allowed.");
        orders["tools"]!.AsArray().Select(t => (t!["tool_name"]!.GetValue<string>(), t["tool_call_error"]!.GetValue<bool>()))
            .ShouldBe([("get_orders", false), ("delete_customer", true)]);
        await example.WaitForLinesAsync("[ToolAudit] delete_customer", 1);
        example.Lines("[MCP server] get_orders ran for customer C-42").ShouldHaveSingleItem();
        example.Lines("[MCP server] delete_customer").ShouldBeEmpty("the policy refused it before the MCP server");

        // 3. Streamed: the call is told before it runs and when it returns, then the answer.
        var events = await ExampleRun.StreamAsync(example, streamed.Path, streamed.Message);
        var names = events.Select(e => e.Event).ToList();
        names.IndexOf("ToolCallStarted").ShouldBeLessThan(names.IndexOf("ToolCallCompleted"));
        names.IndexOf("ToolCallCompleted").ShouldBeLessThan(names.IndexOf("RunContent"));
        names[^1].ShouldBe("RunCompleted");
        var completed = events.Single(e => e.Event == "ToolCallCompleted").Data;
        completed["tool"]!["tool_name"]!.GetValue<string>().ShouldBe("get_orders");
        completed["content"]!.GetValue<string>().ShouldBe("Customer C-7 has 2 open orders: A-17 and A-18");
        events[^1].Data["tools"]!.AsArray().ShouldHaveSingleItem();
    }
}
