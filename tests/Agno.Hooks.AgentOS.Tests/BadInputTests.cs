using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Agno.Hooks.AgentOS.Tests.Infrastructure;

namespace Agno.Hooks.AgentOS.Tests;

/// <summary>Every bad request gets a 4xx with <c>{"detail": ...}</c>, before any streaming starts.</summary>
public sealed class BadInputTests : IAsyncLifetime
{
    private AgentOSServer _server = null!;

    public async Task InitializeAsync() =>
        _server = await AgentOSServer.StartAsync(
            os => os.Agents.Add(new Agent("echo") { Model = new OfflineChatClient() }),
            new Dictionary<string, string?> { ["AgentOS:MaxRequestBodySize"] = "4096" });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [InlineData("true")]
    [InlineData("false")]
    public async Task Unknown_agent_is_404_Agent_not_found_even_when_streaming(string stream)
    {
        using var response = await _server.Client.PostAsync("/agents/nobody/runs", AgentOSServer.Form(("message", "Hi"), ("stream", stream)));

        await ShouldBeErrorAsync(response, HttpStatusCode.NotFound, "Agent not found");
    }

    [Fact]
    public async Task Unknown_agent_on_GET_is_404_too()
    {
        using var response = await _server.Client.GetAsync("/agents/nobody");

        await ShouldBeErrorAsync(response, HttpStatusCode.NotFound, "Agent not found");
    }

    [Fact]
    public async Task Missing_message_is_422_naming_the_field()
    {
        using var response = await _server.Client.PostAsync("/agents/echo/runs", AgentOSServer.Form(("stream", "false")));

        var detail = await ShouldBeErrorAsync(response, HttpStatusCode.UnprocessableEntity);
        detail.ShouldContain("message");
    }

    [Fact]
    public async Task Malformed_JSON_in_metadata_is_422()
    {
        using var response = await _server.Client.PostAsync("/agents/echo/runs", AgentOSServer.Form(("message", "Hi"), ("metadata", "{not json")));

        var detail = await ShouldBeErrorAsync(response, HttpStatusCode.UnprocessableEntity);
        detail.ShouldContain("metadata");
    }

    [Fact]
    public async Task Session_state_that_is_not_an_object_is_422()
    {
        using var response = await _server.Client.PostAsync("/agents/echo/runs", AgentOSServer.Form(("message", "Hi"), ("session_state", "[1,2]")));

        var detail = await ShouldBeErrorAsync(response, HttpStatusCode.UnprocessableEntity);
        detail.ShouldContain("session_state");
    }

    [Fact]
    public async Task A_stream_value_that_is_not_a_boolean_is_422()
    {
        using var response = await _server.Client.PostAsync("/agents/echo/runs", AgentOSServer.Form(("message", "Hi"), ("stream", "perhaps")));

        var detail = await ShouldBeErrorAsync(response, HttpStatusCode.UnprocessableEntity);
        detail.ShouldContain("stream");
    }

    [Fact]
    public async Task A_body_that_is_not_form_data_is_415()
    {
        using var response = await _server.Client.PostAsync("/agents/echo/runs", new StringContent("""{"message":"Hi"}""", Encoding.UTF8, "application/json"));

        var detail = await ShouldBeErrorAsync(response, HttpStatusCode.UnsupportedMediaType);
        detail.ShouldContain("form");
    }

    [Fact]
    public async Task A_body_over_the_configured_limit_is_413()
    {
        using var response = await _server.Client.PostAsync("/agents/echo/runs", AgentOSServer.Form(("message", new string('x', 10_000))));

        var detail = await ShouldBeErrorAsync(response, HttpStatusCode.RequestEntityTooLarge);
        detail.ShouldContain("4096");
    }

    [Fact]
    public async Task A_chunked_body_over_the_configured_limit_is_413()
    {
        // No Content-Length: the limit has to be enforced while reading.
        var content = new StreamContent(new NonSeekableStream(Encoding.UTF8.GetBytes("message=" + new string('x', 10_000))));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");

        using var response = await _server.Client.PostAsync("/agents/echo/runs", content);

        await ShouldBeErrorAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Malformed_multipart_is_400()
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes("--b\r\nContent-Disposition: form-data; name=\"message\"\r\n\r\nHi")); // never closed
        content.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=b");

        using var response = await _server.Client.PostAsync("/agents/echo/runs", content);

        await ShouldBeErrorAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Multipart_without_a_boundary_is_a_4xx()
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes("message=Hi"));
        content.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data");

        using var response = await _server.Client.PostAsync("/agents/echo/runs", content);

        ((int)response.StatusCode).ShouldBeInRange(400, 499);
        (await ReadDetailAsync(response)).ShouldNotBeNullOrWhiteSpace();
    }

    internal static async Task<string> ShouldBeErrorAsync(HttpResponseMessage response, HttpStatusCode status, string? detail = null)
    {
        response.StatusCode.ShouldBe(status);
        var text = await ReadDetailAsync(response);
        if (detail is not null)
        {
            text.ShouldBe(detail);
        }

        return text;
    }

    private static async Task<string> ReadDetailAsync(HttpResponseMessage response)
    {
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        var body = await response.Content.ReadAsStringAsync();
        body.ShouldNotContain("   at ", Case.Sensitive, "no stack trace in a body");
        var json = JsonNode.Parse(body)!.AsObject();
        json.Select(p => p.Key).ShouldBe(["detail"]);
        return json["detail"]!.GetValue<string>();
    }

    /// <summary>Hides its length, so HttpClient sends the body chunked.</summary>
    private sealed class NonSeekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
