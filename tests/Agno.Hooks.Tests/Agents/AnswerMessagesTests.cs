using Agno.Hooks.Conformance;

namespace Agno.Hooks.Tests.Agents;

/// <summary>
/// The answer recorded among a run's messages is the answer delivered: a post-hook guardrail's mask reaches
/// <see cref="RunOutput.Messages"/>, and an output check's rejection leaves no answer there (issue 25's copy that
/// masking missed, when not streamed).
/// </summary>
public sealed class AnswerMessagesTests
{
    private static readonly HookParameter OutputParameter = new("output", HookParameterKind.RunOutput, typeof(RunOutput));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_masked_answer_is_masked_among_the_messages_too(bool streamed)
    {
        var agent = new Agent("agent") { Model = new QuietModel() };
        agent.PostHooks.Add(new HookDescriptor("mask", [OutputParameter], c => c.Output!.Content = "*****") { Guardrail = true });

        var output = await RunAsync(agent, streamed);

        output.Content.ShouldBe("*****");
        output.Messages.Select(m => (m.Role, m.Text)).ShouldBe([("user", "Hi"), ("assistant", "*****")]);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_rejected_answer_is_not_kept_among_the_messages(bool streamed)
    {
        var agent = new Agent("agent") { Model = new QuietModel() };
        agent.PostHooks.Add(new HookDescriptor("reject", [OutputParameter], _ => throw new OutputCheckException("Not that")) { Guardrail = true });

        var output = await RunAsync(agent, streamed);

        (output.Status, output.Content).ShouldBe((RunStatus.Error, "Not that"));
        output.Messages.Select(m => (m.Role, m.Text)).ShouldBe([("user", "Hi")]);
    }

    private static async Task<RunOutput> RunAsync(Agent agent, bool streamed)
    {
        if (!streamed)
        {
            return await agent.RunAsync("Hi");
        }

        RunOutput? last = null;
        await foreach (var runEvent in agent.RunStreamingAsync("Hi"))
        {
            last = runEvent.Output;
        }

        return last!;
    }
}
