using System.Net;
using System.Text.Json.Nodes;
using Agno.Hooks.AgentOS.Tests.Infrastructure;
using Agno.Hooks.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Agno.Hooks.AgentOS.Tests;

/// <summary>
/// Issue 25 on the wire, on Kestrel: an agent whose model is the real OpenAI client, streaming from a fake
/// OpenAI-compatible server on loopback an answer with an e-mail address, a phone number and an SSN, each split across
/// the model's chunks (<see cref="PiiAnswer"/>), under <see cref="OutputPiiDetectionGuardrail"/>. Masked, no part of the
/// raw data reaches anyone, streamed or not: not an SSE delta, not the JSON answer (its messages included), not the
/// stored session, not a background post-hook's copy, not the model's next turn; and both end with the same content.
/// Rejected, nothing of what was rejected goes out before the <c>RunError</c>, and not streamed ends the same. A team's
/// guardrail covers its members' answers too.
/// </summary>
public sealed class OutputGuardrailStreamingTests
{
    private const string AgentId = "pii-agent";
    private const string Runs = "/agents/" + AgentId + "/runs";

    public static TheoryData<string, string[]> Chunkings() => new()
    {
        { "split inside each datum", PiiAnswer.Chunks },
        { "one character a chunk", PiiAnswer.OneCharacterChunks() },
    };

    [Theory]
    [MemberData(nameof(Chunkings))]
    public async Task Masked_no_raw_data_reaches_the_stream_the_answer_the_session_or_a_background_copy(string chunking, string[] chunks)
    {
        await using var openAI = await FakeOpenAIServer.StartAsync(chunks);
        openAI.Answer.ShouldBe(PiiAnswer.Raw, chunking);
        var copies = new List<(string? Content, string[] Messages)>();
        var copied = new ExecutionSignal(2);
        await using var server = await StartAsync(openAI, mask: true, copies, copied);

        // Streamed, as Agno's clients and web UI run by default.
        using var response = await server.Client.PostAsync(Runs, AgentOSServer.Form(("message", "What is on file for me?"), ("stream", "true")));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var frames = ServerSentEventFrames.Parse(await response.Content.ReadAsStringAsync());
        var deltas = frames.Where(f => f.Event == "RunContent").Select(f => f.Data["content"]!.GetValue<string>()).ToList();
        deltas.ForEach(delta => PiiAnswer.ShouldRevealNone(delta, "a RunContent delta"));
        string.Concat(deltas).ShouldBe(PiiAnswer.Masked, "the deltas add up to the masked answer");
        var completed = frames[^1];
        completed.Event.ShouldBe("RunCompleted");
        completed.Data["content"]!.GetValue<string>().ShouldBe(PiiAnswer.Masked);
        completed.Data["metrics"]!["total_tokens"]!.GetValue<long>().ShouldBe(FakeOpenAIServer.PromptTokens + FakeOpenAIServer.CompletionTokens, "the usage chunk was read");

        // Only the window was held: the answer went out in pieces, all before the post stage ran.
        deltas.Count(delta => delta.Length > 0).ShouldBeGreaterThan(1);
        frames.FindLastIndex(f => f.Event == "RunContent").ShouldBeLessThan(frames.FindIndex(f => f.Event == "RunContentCompleted"));
        frames.FindIndex(f => f.Event == "RunContentCompleted").ShouldBeLessThan(frames.FindIndex(f => f.Event == "PostHookStarted"));

        // Not streamed, in the same session: the JSON answer, every message included.
        var sessionId = completed.Data["session_id"]!.GetValue<string>();
        var run = await SessionClient.RunAsync(server, "And once more, please?", sessionId, Runs);
        run["status"]!.GetValue<string>().ShouldBe("COMPLETED");
        run["content"]!.GetValue<string>().ShouldBe(completed.Data["content"]!.GetValue<string>(), "streamed and not streamed end the same");
        PiiAnswer.ShouldRevealNone(run, "the JSON answer");
        var messages = run["messages"]!.AsArray();
        messages.Where(m => m!["role"]!.GetValue<string>() == "assistant").Select(m => m!["content"]!.GetValue<string>())
            .ShouldBe([PiiAnswer.Masked, PiiAnswer.Masked], "the earlier turn's answer and this one's");

        // The model's second turn got the first answer from the session: masked.
        var requests = openAI.Requests;
        requests.Count.ShouldBe(2);
        requests[0].Body["stream"]!.GetValue<bool>().ShouldBeTrue();
        requests[0].Body["stream_options"]!["include_usage"]!.GetValue<bool>().ShouldBeTrue();
        requests[1].Body["stream"]?.GetValue<bool>().ShouldNotBe(true);
        PiiAnswer.ShouldRevealNone(requests[1].Body["messages"], "the model's second request");

        // The stored session, both ways AgentOS serves it.
        PiiAnswer.ShouldRevealNone(await SessionClient.GetAsync(server, $"/sessions/{sessionId}/runs"), "the session's runs");
        var session = await SessionClient.GetAsync(server, $"/sessions/{sessionId}?type=agent");
        PiiAnswer.ShouldRevealNone(session, "the session");
        session["runs"]!.AsArray().Select(r => r!["content"]!.GetValue<string>()).ShouldBe([PiiAnswer.Masked, PiiAnswer.Masked]);

        // The background post-hook's copies, one for each run.
        await copied.Reached.WaitAsync(Waits.Signal);
        lock (copies)
        {
            copies.Count.ShouldBe(2);
            foreach (var (content, copyMessages) in copies)
            {
                content.ShouldBe(PiiAnswer.Masked);
                copyMessages.ShouldContain("assistant: " + PiiAnswer.Masked);
                copyMessages.ToList().ForEach(message => PiiAnswer.ShouldRevealNone(message, "a background copy's RunOutput.Messages"));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Chunkings))]
    public async Task Rejected_the_stream_ends_with_pii_detected_and_nothing_rejected_before_it(string chunking, string[] chunks)
    {
        await using var openAI = await FakeOpenAIServer.StartAsync(chunks);
        var copies = new List<(string? Content, string[] Messages)>();
        await using var server = await StartAsync(openAI, mask: false, copies, new ExecutionSignal(1));

        using var response = await server.Client.PostAsync(Runs, AgentOSServer.Form(("message", "What is on file for me?"), ("stream", "true")));
        var frames = ServerSentEventFrames.Parse(await response.Content.ReadAsStringAsync());
        var error = frames[^1];
        error.Event.ShouldBe("RunError", chunking);
        frames.ShouldNotContain(f => f.Event == "RunCompleted" || f.Event == "RunContentCompleted");
        error.Data["error_type"]!.GetValue<string>().ShouldBe("output_check_error");
        error.Data["error_id"]!.GetValue<string>().ShouldBe("pii_detected");
        error.Data["content"]!.GetValue<string>().ShouldBe(OutputPiiDetectionGuardrail.RejectionMessage);

        // Every kind in the answer, as not streamed: the stream lets nothing more out after the first match, but reads on.
        error.Data["additional_data"]!["detected_pii"]!.AsArray().Select(kind => kind!.GetValue<string>()).ShouldBe(["SSN", "Email", "Phone"]);

        // What went out before the rejection is the text before the first datum, at most.
        var deltas = frames.Where(f => f.Event == "RunContent").Select(f => f.Data["content"]!.GetValue<string>()).ToList();
        deltas.ForEach(delta => PiiAnswer.ShouldRevealNone(delta, "a RunContent delta"));
        var released = string.Concat(deltas);
        PiiAnswer.Raw.ShouldStartWith(released);
        released.Length.ShouldBeLessThanOrEqualTo(PiiAnswer.Raw.IndexOf(PiiAnswer.Email, StringComparison.Ordinal));

        // Not streamed, the same rejection; neither run keeps the answer anywhere.
        var sessionId = error.Data["session_id"]!.GetValue<string>();
        var run = await SessionClient.RunAsync(server, "What is on file for me?", sessionId, Runs);
        run["status"]!.GetValue<string>().ShouldBe("ERROR");
        run["content"]!.GetValue<string>().ShouldBe(error.Data["content"]!.GetValue<string>());
        PiiAnswer.ShouldRevealNone(run, "the JSON answer");
        run["messages"]!.AsArray().ShouldNotContain(m => m!["role"]!.GetValue<string>() == "assistant");
        var stored = await SessionClient.GetAsync(server, $"/sessions/{sessionId}/runs");
        PiiAnswer.ShouldRevealNone(stored, "the session's runs");
        stored.AsArray().Select(r => r!["status"]!.GetValue<string>()).ShouldBe(["ERROR", "ERROR"]);

        // A rejected run queues no background hook: stopping the host (which drains what it holds) runs none.
        await server.App.StopAsync().WaitAsync(Waits.Signal);
        server.Executor.Statistics.Queued.ShouldBe(0);
        lock (copies)
        {
            copies.ShouldBeEmpty();
        }
    }

    [Fact]
    public async Task A_teams_guardrail_masks_its_members_answers_in_the_stream_the_answer_and_the_session()
    {
        // The member answers the data; the leader (offline) quotes what its members answered; only the team is guarded.
        await using var openAI = await FakeOpenAIServer.StartAsync(PiiAnswer.Chunks);
        var team = new Team("records-team") { Model = new OfflineChatClient(), Mode = TeamMode.Coordinate };
        team.Members.Add(new Agent("records") { Model = RealOpenAIClient.Against(openAI) });
        team.PostHooks.Add(OutputPiiDetectionGuardrail.CheckHook);
        await using var server = await AgentOSServer.StartAsync(
            os => os.Teams.Add(team),
            configureServices: services => services.AddAgnoHooks().AddOutputPiiDetection(pii => pii.Mask = true));

        using var response = await server.Client.PostAsync("/teams/records-team/runs", AgentOSServer.Form(("message", "What is on file for me?"), ("stream", "true")));
        var frames = ServerSentEventFrames.Parse(await response.Content.ReadAsStringAsync());
        frames.ForEach(frame => PiiAnswer.ShouldRevealNone(frame.Data, frame.Event));
        var member = frames.Where(f => f.Data["nested_depth"]!.GetValue<int>() == 1).ToList();
        string.Concat(member.Where(f => f.Event == "RunContent").Select(f => f.Data["content"]!.GetValue<string>())).ShouldBe(PiiAnswer.Masked);
        member.Single(f => f.Event == "RunCompleted").Data["content"]!.GetValue<string>().ShouldBe(PiiAnswer.Masked);
        frames[^1].Event.ShouldBe("TeamRunCompleted");
        frames[^1].Data["content"]!.GetValue<string>().ShouldContain(PiiAnswer.Masked, customMessage: "the leader quotes its member's masked answer");

        var sessionId = frames[^1].Data["session_id"]!.GetValue<string>();
        var run = await SessionClient.RunAsync(server, "What is on file for me?", sessionId, "/teams/records-team/runs");
        PiiAnswer.ShouldRevealNone(run, "the team's JSON answer");
        run["member_responses"]!.AsArray().Single()!["content"]!.GetValue<string>().ShouldBe(PiiAnswer.Masked);
        run["content"]!.GetValue<string>().ShouldBe(frames[^1].Data["content"]!.GetValue<string>());
        PiiAnswer.ShouldRevealNone(await SessionClient.GetAsync(server, $"/sessions/{sessionId}/runs"), "the session's runs");
        PiiAnswer.ShouldRevealNone(await SessionClient.GetAsync(server, $"/sessions/{sessionId}?type=team"), "the session");
    }

    /// <summary>
    /// AgentOS with one agent on the fake server, through the real OpenAI client, under the output PII guardrail and a
    /// background post-hook after it that keeps what its copy of the output holds.
    /// </summary>
    private static Task<AgentOSServer> StartAsync(FakeOpenAIServer openAI, bool mask, List<(string? Content, string[] Messages)> copies, ExecutionSignal copied)
    {
        var agent = new Agent(AgentId) { Model = RealOpenAIClient.Against(openAI), Instructions = "Answer from the customer's records." };
        agent.PostHooks.Add(OutputPiiDetectionGuardrail.CheckHook);
        agent.PostHooks.Add(TestHooks.Post("CopyAnswer", context =>
        {
            var output = context.RequiredOutput;
            lock (copies)
            {
                copies.Add((output.Content, [.. output.Messages.Select(m => $"{m.Role}: {m.Text}")]));
            }

            return ValueTask.CompletedTask;
        }, background: true));
        return AgentOSServer.StartAsync(
            os => os.Agents.Add(agent),
            configureServices: services =>
            {
                services.AddAgnoHooks().AddOutputPiiDetection(pii => pii.Mask = mask);
                services.AddSingleton<IBackgroundHookObserver>(copied);
            });
    }
}
