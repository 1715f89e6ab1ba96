using System.Net;
using Agno.Hooks.AgentOS.Cors;
using Agno.Hooks.AgentOS.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Agno.Hooks.AgentOS.Tests;

/// <summary>
/// CORS as Agno's AgentOS sets it, on Kestrel: Agno's origins by default, credentials, any method and header,
/// a 204 for every preflight (before routing and the security key), and the headers on every real response.
/// </summary>
public sealed class CorsTests : IAsyncLifetime
{
    private const string Key = "cors-key";
    private const string Allowed = "http://localhost:3000";
    private const string Disallowed = "http://evil.example";
    private AgentOSServer _server = null!;

    public async Task InitializeAsync() =>
        _server = await AgentOSServer.StartAsync(
            os => os.Agents.Add(new Agent("echo") { Model = new OfflineChatClient() }),
            new Dictionary<string, string?> { [AgentOSOptions.SecurityKeyVariable] = Key });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [InlineData("/health", "GET")]
    [InlineData("/agents", "GET")]
    [InlineData("/agents/echo/runs", "POST")]
    [InlineData("/sessions/some-session", "DELETE")]
    [InlineData("/no/such/route", "PUT")]
    public async Task A_preflight_from_Agnos_UI_gets_204_with_the_headers_on_every_route_without_the_key(string path, string method)
    {
        using var response = await _server.Client.SendAsync(Preflight(path, method, Allowed, "content-type, authorization, x-user-id"));

        response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        Header(response, "Access-Control-Allow-Origin").ShouldBe(Allowed);
        Header(response, "Access-Control-Allow-Credentials").ShouldBe("true");
        Header(response, "Access-Control-Allow-Methods").ShouldBe(method);
        Header(response, "Access-Control-Allow-Headers").ShouldBe("content-type,authorization,x-user-id");
        (await response.Content.ReadAsStringAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_preflight_from_another_origin_gets_no_CORS_headers_so_the_browser_blocks_the_call()
    {
        using var response = await _server.Client.SendAsync(Preflight("/health", "GET", Disallowed, "content-type"));

        response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        response.Headers.Contains("Access-Control-Allow-Origin").ShouldBeFalse();
        response.Headers.Contains("Access-Control-Allow-Credentials").ShouldBeFalse();
    }

    [Theory]
    [InlineData("/health", null, HttpStatusCode.OK)]
    [InlineData("/agents", Key, HttpStatusCode.OK)]
    [InlineData("/agents", null, HttpStatusCode.Unauthorized)]
    [InlineData("/agents/nobody", Key, HttpStatusCode.NotFound)]
    [InlineData("/sessions/nobody", Key, HttpStatusCode.NotFound)]
    [InlineData("/no/such/route", null, HttpStatusCode.NotFound)]
    public async Task The_real_response_carries_the_headers_for_an_allowed_origin_errors_included(string path, string? key, HttpStatusCode status)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Origin", Allowed);
        if (key is not null)
        {
            request.Headers.Add("Authorization", $"Bearer {key}");
        }

        using var response = await _server.Client.SendAsync(request);

        response.StatusCode.ShouldBe(status);
        Header(response, "Access-Control-Allow-Origin").ShouldBe(Allowed);
        Header(response, "Access-Control-Allow-Credentials").ShouldBe("true");
        Header(response, "Access-Control-Expose-Headers").ShouldBe("*");
        response.Headers.Vary.ShouldContain("Origin");
    }

    [Fact]
    public async Task The_real_response_to_another_origin_has_no_CORS_headers()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health");
        request.Headers.Add("Origin", Disallowed);

        using var response = await _server.Client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.Contains("Access-Control-Allow-Origin").ShouldBeFalse();
    }

    [Theory]
    [InlineData("http://localhost:3000")]
    [InlineData("https://agno.com")]
    [InlineData("https://www.agno.com")]
    [InlineData("https://app.agno.com")]
    [InlineData("https://os-stg.agno.com")]
    [InlineData("https://os.agno.com")]
    public async Task Agnos_default_origins_are_allowed(string origin)
    {
        using var response = await _server.Client.SendAsync(Preflight("/agents/echo/runs", "POST", origin, "content-type"));

        Header(response, "Access-Control-Allow-Origin").ShouldBe(origin);
    }

    [Fact]
    public async Task Configured_origins_replace_the_defaults_and_a_star_is_never_kept()
    {
        await using var server = await AgentOSServer.StartAsync(os =>
        {
            os.Agents.Add(new Agent("echo") { Model = new OfflineChatClient() });
            os.CorsAllowedOrigins = ["http://ui.example:8080", "*"];
        });

        using var mine = await server.Client.SendAsync(Preflight("/health", "GET", "http://ui.example:8080", "content-type"));
        using var agnos = await server.Client.SendAsync(Preflight("/health", "GET", Allowed, "content-type"));
        using var anyone = await server.Client.SendAsync(Preflight("/health", "GET", Disallowed, "content-type"));

        Header(mine, "Access-Control-Allow-Origin").ShouldBe("http://ui.example:8080");
        agnos.Headers.Contains("Access-Control-Allow-Origin").ShouldBeFalse();
        anyone.Headers.Contains("Access-Control-Allow-Origin").ShouldBeFalse();
        AgentOSCors.AllowedOrigins(server.App.Services.GetRequiredService<IOptions<AgentOSOptions>>().Value).ShouldBe(["http://ui.example:8080"]);
    }

    [Fact]
    public async Task Origins_can_come_from_configuration()
    {
        await using var server = await AgentOSServer.StartAsync(
            os => os.Agents.Add(new Agent("echo") { Model = new OfflineChatClient() }),
            new Dictionary<string, string?>
            {
                ["AgentOS:CorsAllowedOrigins:0"] = "http://one.example",
                ["AgentOS:CorsAllowedOrigins:1"] = "http://two.example:81",
            });

        using var two = await server.Client.SendAsync(Preflight("/health", "GET", "http://two.example:81", "content-type"));
        using var agnos = await server.Client.SendAsync(Preflight("/health", "GET", Allowed, "content-type"));

        Header(two, "Access-Control-Allow-Origin").ShouldBe("http://two.example:81");
        agnos.Headers.Contains("Access-Control-Allow-Origin").ShouldBeFalse();
    }

    [Theory]
    [InlineData("localhost:3000")]
    [InlineData("http://localhost:3000/")]
    [InlineData("http://localhost:3000/app")]
    [InlineData("ftp://files.example")]
    public async Task An_origin_a_browser_can_never_send_stops_the_start(string origin)
    {
        var failure = await Should.ThrowAsync<OptionsValidationException>(() => AgentOSServer.StartAsync(os =>
        {
            os.Agents.Add(new Agent("echo") { Model = new OfflineChatClient() });
            os.CorsAllowedOrigins = [origin];
        }));

        failure.Message.ShouldContain("CorsAllowedOrigins");
        failure.Message.ShouldContain(origin);
    }

    private static HttpRequestMessage Preflight(string path, string method, string origin, string headers)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, path);
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", method);
        request.Headers.Add("Access-Control-Request-Headers", headers);
        return request;
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;
}
