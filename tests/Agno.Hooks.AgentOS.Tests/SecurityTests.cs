using System.Net;
using System.Net.Http.Headers;
using Agno.Hooks.AgentOS.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Agno.Hooks.AgentOS.Tests;

/// <summary>With a security key, every route but <c>/</c> and <c>/health</c> needs the bearer key, those added through <see cref="IAgentOSRoutes"/> included.</summary>
public sealed class SecurityTests : IAsyncLifetime
{
    private const string Key = "s3cret-key";
    private AgentOSServer _server = null!;

    // The key comes from OS_SECURITY_KEY in configuration, as Agno reads it from the environment.
    public async Task InitializeAsync() =>
        _server = await AgentOSServer.StartAsync(
            os => os.Agents.Add(new Agent("echo") { Model = new OfflineChatClient() }),
            new Dictionary<string, string?> { [AgentOSOptions.SecurityKeyVariable] = Key },
            configureServices: services => services.AddSingleton<IAgentOSRoutes, PingRoutes>());

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public static TheoryData<string, string> ProtectedRoutes => new()
    {
        { "GET", "/config" },
        { "GET", "/agents" },
        { "GET", "/agents/echo" },
        { "GET", "/agents/nobody" },
        { "POST", "/agents/echo/runs" },
        { "GET", "/hooks/runs" },
        { "POST", "/agents/echo/runs/run-1/cancel" },
        { "GET", "/sessions" },
        { "GET", "/sessions/nobody" },
        { "GET", "/sessions/nobody/runs" },
        { "GET", "/sessions/nobody/runs/run-1" },
        { "DELETE", "/sessions/nobody" },
        { "GET", "/eval-runs" },
        { "GET", "/eval-runs/nobody" },
        { "GET", PingRoutes.Ping },   // added through IAgentOSRoutes: protected like AgentOS's own
    };

    [Theory]
    [MemberData(nameof(ProtectedRoutes))]
    public async Task Without_the_header_it_is_401_Authorization_header_required(string method, string path)
    {
        using var response = await _server.Client.SendAsync(Request(method, path));

        await BadInputTests.ShouldBeErrorAsync(response, HttpStatusCode.Unauthorized, "Authorization header required");
    }

    [Theory]
    [MemberData(nameof(ProtectedRoutes))]
    public async Task With_a_wrong_key_it_is_401_Invalid_authentication_token(string method, string path)
    {
        var request = Request(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Key + "x");

        using var response = await _server.Client.SendAsync(request);

        await BadInputTests.ShouldBeErrorAsync(response, HttpStatusCode.Unauthorized, "Invalid authentication token");
    }

    [Fact]
    public async Task Another_scheme_counts_as_no_header()
    {
        var request = Request("GET", "/agents");
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Key);

        using var response = await _server.Client.SendAsync(request);

        await BadInputTests.ShouldBeErrorAsync(response, HttpStatusCode.Unauthorized, "Authorization header required");
    }

    [Theory]
    [MemberData(nameof(ProtectedRoutes))]
    public async Task With_the_key_the_route_answers(string method, string path)
    {
        var request = Request(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Key);

        using var response = await _server.Client.SendAsync(request);

        response.StatusCode.ShouldBe(path.Contains("nobody") ? HttpStatusCode.NotFound : HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/health")]
    public async Task Root_and_health_are_open(string path)
    {
        using var response = await _server.Client.GetAsync(path);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_route_added_through_IAgentOSRoutes_is_open_when_it_says_so()
    {
        using var response = await _server.Client.GetAsync(PingRoutes.Open);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldBe("open");
    }

    [Fact]
    public async Task A_401_names_the_Bearer_scheme()
    {
        using var response = await _server.Client.GetAsync(PingRoutes.Ping);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.Select(h => h.Scheme).ShouldBe(["Bearer"]);
    }

    private static HttpRequestMessage Request(string method, string path) => new(new HttpMethod(method), path)
    {
        Content = method == "POST" ? AgentOSServer.Form(("message", "Hi"), ("stream", "false")) : null,
    };
}
