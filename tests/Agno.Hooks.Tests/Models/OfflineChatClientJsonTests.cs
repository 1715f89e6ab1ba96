using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;

namespace Agno.Hooks.Tests.Models;

/// <summary>The offline model answers with JSON that fits the requested schema, so structured output works offline.</summary>
public sealed class OfflineChatClientJsonTests
{
    private const string EvaluationSchema = """
        {
          "type": "object",
          "properties": {
            "helpful": { "type": "boolean" },
            "quality_score": { "type": "number", "minimum": 0, "maximum": 1 },
            "rating": { "type": "integer", "minimum": 1, "maximum": 5 },
            "verdict": { "enum": ["pass", "fail"] },
            "strengths": { "type": "array", "items": { "type": "string" } },
            "note": { "type": ["string", "null"] },
            "detail": { "$ref": "#/$defs/Detail" }
          },
          "required": ["helpful", "quality_score", "rating", "verdict", "strengths", "note", "detail"],
          "$defs": { "Detail": { "type": "object", "properties": { "summary": { "type": "string" } } } }
        }
        """;

    private static readonly ChatMessage[] Question = [new(ChatRole.User, "Rate this answer")];

    [Fact]
    public async Task With_a_schema_it_answers_with_a_value_of_every_property_within_its_bounds()
    {
        var format = ChatResponseFormat.ForJsonSchema(JsonDocument.Parse(EvaluationSchema).RootElement, "Evaluation");

        var response = await new OfflineChatClient().GetResponseAsync(Question, new ChatOptions { ResponseFormat = format });

        var json = JsonNode.Parse(response.Text)!.AsObject();
        json["helpful"]!.GetValue<bool>().ShouldBeTrue();
        json["quality_score"]!.GetValue<double>().ShouldBe(0.5);
        json["rating"]!.GetValue<long>().ShouldBe(3);
        json["verdict"]!.GetValue<string>().ShouldBe("pass");
        json["strengths"]!.AsArray().Single()!.GetValue<string>().ShouldContain("Rate this answer");
        json["note"]!.GetValue<string>().ShouldNotBeNullOrEmpty();
        json["detail"]!["summary"]!.GetValue<string>().ShouldStartWith("summary: ");
    }

    [Fact]
    public async Task A_schema_made_from_a_type_gives_JSON_that_deserializes_to_it()
    {
        var format = ChatResponseFormat.ForJsonSchema<Rating>(AIJsonUtilities.DefaultOptions);

        var response = await new OfflineChatClient().GetResponseAsync(Question, new ChatOptions { ResponseFormat = format });

        var rating = JsonSerializer.Deserialize<Rating>(response.Text, AIJsonUtilities.DefaultOptions);
        rating!.Comment.ShouldContain("Rate this answer");
        rating.Stars.ShouldBe(0);
    }

    [Fact]
    public async Task Long_messages_are_quoted_short()
    {
        var options = new ChatOptions { ResponseFormat = ChatResponseFormat.Json };

        var response = await new OfflineChatClient().GetResponseAsync([new ChatMessage(ChatRole.User, new string('x', 500))], options);

        JsonNode.Parse(response.Text)!["content"]!.GetValue<string>().ShouldBe(new string('x', 60) + "...");
    }

    [Fact]
    public async Task Streamed_chunks_join_back_to_the_same_JSON()
    {
        var options = new ChatOptions { ResponseFormat = ChatResponseFormat.ForJsonSchema(JsonDocument.Parse(EvaluationSchema).RootElement) };
        var client = new OfflineChatClient();
        var whole = await client.GetResponseAsync(Question, options);

        var text = new System.Text.StringBuilder();
        await foreach (var update in client.GetStreamingResponseAsync(Question, options))
        {
            text.Append(update.Text);
        }

        text.ToString().ShouldBe(whole.Text);
        JsonNode.Parse(text.ToString()).ShouldNotBeNull();
    }

    [Fact]
    public async Task Json_without_a_schema_wraps_the_answer_and_text_stays_text()
    {
        var client = new OfflineChatClient();

        var json = await client.GetResponseAsync(Question, new ChatOptions { ResponseFormat = ChatResponseFormat.Json });
        var text = await client.GetResponseAsync(Question, new ChatOptions { ResponseFormat = ChatResponseFormat.Text });

        JsonNode.Parse(json.Text)!["content"]!.GetValue<string>().ShouldBe("Rate this answer");
        text.Text.ShouldStartWith("You said: ");
    }

    [Fact]
    public async Task An_agent_with_a_response_format_answers_with_that_JSON_as_its_content()
    {
        var agent = new Agent("judge") { Model = new OfflineChatClient(), ResponseFormat = ChatResponseFormat.ForJsonSchema(JsonDocument.Parse(EvaluationSchema).RootElement) };

        var output = await agent.RunAsync("Rate this answer");

        JsonNode.Parse(output.Content!)!["quality_score"]!.GetValue<double>().ShouldBe(0.5);
    }

    public sealed record Rating(string Comment, int Stars);
}
