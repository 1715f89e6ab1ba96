using Microsoft.Extensions.AI;

namespace Agno.Hooks.CustomOwner.Tests;

/// <summary>
/// A custom owner's tool loop gets Agno's tool and model hooks through public seams only: its own pipeline with
/// <c>UseFunctionInvocation(configure: loop => loop.UseAgnoToolHooks())</c> over <c>UseAgnoModelHooks()</c>, run by the driver.
/// </summary>
public sealed class ToolAndModelHookTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Its_tool_and_model_hooks_run_at_each_call_and_request_of_its_own_loop(bool streamed)
    {
        var log = new List<string>();
        var owner = new LoopOwner("custom");
        owner.PreToolHooks.Add(new HookDescriptor("to-oslo", [new HookParameter("call", HookParameterKind.ToolCall, typeof(ToolCall))], context => context.RequiredToolCall.Arguments["city"] = "Oslo"));
        owner.PreModelHooks.Add(new HookDescriptor("count", [new HookParameter("request", HookParameterKind.ModelRequest, typeof(ModelRequest))], context => log.Add($"request({context.RequiredModelRequest.Messages.Count})")));
        var client = new ChatClientBuilder(new OfflineChatClient())
            .UseFunctionInvocation(configure: loop => loop.UseAgnoToolHooks(toolCallLimit: 3))
            .UseAgnoModelHooks()
            .Build();
        var options = new ChatOptions { Tools = [AIFunctionFactory.Create((string city) => $"Sunny in {city}", "get_weather")] };
        var work = RunWork.FromAnswer(async run => (await client.GetResponseAsync(run.Input.Content, options, run.CancellationToken)).Text);

        RunOutput output;
        if (streamed)
        {
            RunOutput? last = null;
            await foreach (var runEvent in HookPipeline.Default.RunStreamingAsync(owner, "get_weather city=Paris", work))
            {
                last = runEvent.Output;
            }

            output = last!;
        }
        else
        {
            output = await HookPipeline.Default.RunAsync(owner, "get_weather city=Paris", work);
        }

        output.Content!.ShouldContain("get_weather returned: Sunny in Oslo.");
        log.ShouldBe(["request(1)", "request(3)"], "the call's turn, then the answer's");
        var tool = output.Tools.ShouldHaveSingleItem();
        tool.ToolArgs!["city"]!.GetValue<string>().ShouldBe("Oslo");
    }

    /// <summary>The smallest owner with tool and model hooks: its lists, nothing else.</summary>
    private sealed class LoopOwner : IToolHookOwner, IModelHookOwner
    {
        public LoopOwner(string id)
        {
            Id = id;
            PreHooks = new HookList(this, HookStage.Pre);
            PostHooks = new HookList(this, HookStage.Post);
            PreToolHooks = new HookList(this, HookStage.PreToolCall);
            PostToolHooks = new HookList(this, HookStage.PostToolCall);
            ToolHooks = new HookList(this, HookStage.ToolCall);
            PreModelHooks = new HookList(this, HookStage.PreModelCall);
            PostModelHooks = new HookList(this, HookStage.PostModelCall);
            ModelHooks = new HookList(this, HookStage.ModelCall);
        }

        public string Id { get; }

        public string? Name => null;

        public HookOwnerKind Kind => HookOwnerKind.Agent;

        public HookList PreHooks { get; }

        public HookList PostHooks { get; }

        public HookList PreToolHooks { get; }

        public HookList PostToolHooks { get; }

        public HookList ToolHooks { get; }

        public HookList PreModelHooks { get; }

        public HookList PostModelHooks { get; }

        public HookList ModelHooks { get; }
    }
}
