using System.Text.Json.Nodes;

namespace Agno.Hooks.Tests.Hooks;

/// <summary>The copies background hooks get share nothing mutable with the originals.</summary>
public sealed class RunCopyTests
{
    [Fact]
    public void Copies_of_context_input_and_output_are_deep_and_keep_their_sharing()
    {
        var run = new RunContext("r", "s", "u")
        {
            Metadata = new JsonObject { ["tags"] = new JsonArray("a") },
            SessionState = new JsonObject { ["count"] = 1 },
            Arguments = new JsonObject { ["debug"] = true },
        };
        var input = new RunInput("hello") { Messages = [new RunMessage("user", "earlier")], Metadata = run.Metadata, SessionState = run.SessionState };
        var output = new RunOutput { RunId = "r", SessionId = "s", OwnerId = "a", Content = "answer", Metadata = run.Metadata, Input = input, ErrorData = new JsonObject { ["x"] = 1 } };

        var runCopy = run.Clone();
        var inputCopy = input.Clone(runCopy);
        var outputCopy = output.Clone(runCopy);
        runCopy.Metadata["tags"]!.AsArray().Add("b");
        runCopy.SessionState["count"] = 2;
        runCopy.Arguments["debug"] = false;
        inputCopy.Content = "changed";
        inputCopy.Messages[0].Text = "changed";
        outputCopy.Content = "changed";
        outputCopy.Metrics.InputTokens = 99;
        outputCopy.ErrorData!["x"] = 2;
        outputCopy.Input!.Content = "changed";

        run.Metadata["tags"]!.AsArray().Count.ShouldBe(1);
        run.SessionState["count"]!.GetValue<int>().ShouldBe(1);
        run.Arguments["debug"]!.GetValue<bool>().ShouldBeTrue();
        input.Content.ShouldBe("hello");
        input.Messages[0].Text.ShouldBe("earlier");
        output.Content.ShouldBe("answer");
        output.Metrics.InputTokens.ShouldBe(0);
        output.ErrorData!["x"]!.GetValue<int>().ShouldBe(1);
        inputCopy.Metadata.ShouldBeSameAs(runCopy.Metadata);
        outputCopy.Metadata.ShouldBeSameAs(runCopy.Metadata);
        outputCopy.RunId.ShouldBe("r");
    }
}
