using System.Net;
using System.Text.Json.Nodes;
using Agno.Hooks.AgentOS.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Agno.Hooks.AgentOS.Tests;

/// <summary><c>GET /</c>, <c>/health</c>, <c>/config</c>, <c>/agents</c> and <c>/agents/{id}</c> in Agno's shapes.</summary>
public sealed class DiscoveryTests : IAsyncLifetime
{
    private AgentOSServer _server = null!;

    public async Task InitializeAsync() =>
        _server = await AgentOSServer.StartAsync(os =>
        {
            os.Id = "test-os";
            os.Description = "For tests.";
            os.Agents.Add(new Agent("first") { Model = new OfflineChatClient(), Name = "First", Description = "The first agent." });
            os.Agents.Add(new Agent("second") { Model = new OfflineChatClient() });
        });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Root_names_the_os()
    {
        var root = await GetAsync("/");

        root["name"]!.GetValue<string>().ShouldBe("AgentOS API");
        root["id"]!.GetValue<string>().ShouldBe("test-os");
        root["version"]!.GetValue<string>().ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task Health_is_ok_with_an_ISO_UTC_instant()
    {
        var health = await GetAsync("/health");

        health["status"]!.GetValue<string>().ShouldBe("ok");
        var instant = DateTimeOffset.Parse(health["instantiated_at"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        instant.Offset.ShouldBe(TimeSpan.Zero);
    }

    [Fact]
    public async Task Config_lists_agents_and_empty_teams_workflows_and_interfaces()
    {
        var config = await GetAsync("/config");

        config["os_id"]!.GetValue<string>().ShouldBe("test-os");
        config["name"]!.GetValue<string>().ShouldBe("AgentOS API");
        config["description"]!.GetValue<string>().ShouldBe("For tests.");
        config["agents"]!.AsArray().Select(a => a!["id"]!.GetValue<string>()).ShouldBe(["first", "second"]);
        config["teams"]!.AsArray().ShouldBeEmpty();
        config["workflows"]!.AsArray().ShouldBeEmpty();
        config["interfaces"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task Agents_lists_id_name_description_and_model()
    {
        using var response = await _server.Client.GetAsync("/agents");
        var agents = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray();

        agents.Count.ShouldBe(2);
        var first = agents[0]!.AsObject();
        first["id"]!.GetValue<string>().ShouldBe("first");
        first["name"]!.GetValue<string>().ShouldBe("First");
        first["description"]!.GetValue<string>().ShouldBe("The first agent.");
        first["model"]!["id"]!.GetValue<string>().ShouldBe(OfflineChatClient.DefaultModelId);
        first["model"]!["provider"]!.GetValue<string>().ShouldBe(OfflineChatClient.ProviderName);
        agents[1]!.AsObject().ContainsKey("name").ShouldBeFalse();
    }

    [Fact]
    public async Task Agent_by_id_has_the_same_shape()
    {
        var agent = await GetAsync("/agents/first");

        agent["id"]!.GetValue<string>().ShouldBe("first");
        agent["model"]!["provider"]!.GetValue<string>().ShouldBe(OfflineChatClient.ProviderName);
    }

    [Fact]
    public async Task Agents_registered_with_AddAgent_are_served_too()
    {
        await using var server = await AgentOSServer.StartAsync(
            os => os.Agents.Add(new Agent("listed") { Model = new OfflineChatClient() }),
            configureServices: services => services.AddAgent(new Agent("registered") { Model = new OfflineChatClient() }));

        using var response = await server.Client.GetAsync("/agents/registered");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Settings_come_from_configuration_when_code_leaves_them()
    {
        await using var server = await AgentOSServer.StartAsync(
            os => os.Agents.Add(new Agent("a") { Model = new OfflineChatClient() }),
            new Dictionary<string, string?> { ["AgentOS:Id"] = "from-config", ["AgnoHooks:RunHooksInBackground"] = "true" });

        (await GetJsonAsync(server, "/"))["id"]!.GetValue<string>().ShouldBe("from-config");
        server.App.Services.GetRequiredService<IOptions<AgnoHooksOptions>>().Value.RunHooksInBackground.ShouldBeTrue();
    }

    [Fact]
    public async Task Invalid_settings_stop_the_host_at_start()
    {
        var failure = await Should.ThrowAsync<OptionsValidationException>(() => AgentOSServer.StartAsync(os => os.MaxRequestBodySize = 0));

        failure.Message.ShouldContain(nameof(AgentOSOptions.MaxRequestBodySize));
    }

    [Fact]
    public async Task Two_agents_with_one_id_stop_the_host_at_start()
    {
        var failure = await Should.ThrowAsync<InvalidOperationException>(() => AgentOSServer.StartAsync(os =>
        {
            os.Agents.Add(new Agent("twin") { Model = new OfflineChatClient() });
            os.Agents.Add(new Agent("twin") { Model = new OfflineChatClient() });
        }));

        failure.Message.ShouldContain("twin");
    }

    private Task<JsonObject> GetAsync(string path) => GetJsonAsync(_server, path);

    private static async Task<JsonObject> GetJsonAsync(AgentOSServer server, string path)
    {
        using var response = await server.Client.GetAsync(path);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }
}
