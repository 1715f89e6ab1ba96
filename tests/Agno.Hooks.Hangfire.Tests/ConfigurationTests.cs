using System.Net;
using System.Net.Sockets;
using Agno.Hooks.Hangfire.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace Agno.Hooks.Hangfire.Tests;

/// <summary>Bad configuration stops the start, and says what is wrong.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ConfigurationTests(PostgresCluster postgres)
{
    [Fact]
    public async Task No_connection_string_fails_the_start_naming_the_setting()
    {
        var failure = await Should.ThrowAsync<OptionsValidationException>(() =>
            DurableHost.StartAsync(string.Empty, PostgresCluster.NewSchema(), DurableHost.Agent("config-agent")));

        failure.Message.ShouldContain("ConnectionStrings:AgnoHooks");
        failure.Message.ShouldContain("UsePostgreSql");
    }

    [Fact]
    public async Task The_example_without_a_connection_string_exits_at_start_up_naming_the_setting()
    {
        var failure = await Should.ThrowAsync<InvalidOperationException>(() =>
            ExampleProcess.StartAsync("DurableBackgroundHooks", new Dictionary<string, string> { ["ConnectionStrings__AgnoHooks"] = string.Empty }));

        failure.Message.ShouldContain("exited before listening");
        failure.Message.ShouldContain("ConnectionStrings:AgnoHooks");
    }

    [Fact]
    public async Task An_unreachable_server_fails_the_start_naming_the_server()
    {
        var port = ClosedPort();
        var failure = await Should.ThrowAsync<InvalidOperationException>(() =>
            DurableHost.StartAsync($"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Timeout=5", PostgresCluster.NewSchema(), DurableHost.Agent("config-agent")));

        failure.Message.ShouldContain($"can't reach PostgreSQL at 127.0.0.1:{port}");
        failure.Message.ShouldContain("ConnectionStrings:AgnoHooks");
    }

    [Fact]
    public async Task Impossible_settings_fail_the_start_each_named()
    {
        var failure = await Should.ThrowAsync<OptionsValidationException>(() =>
            DurableHost.StartAsync(postgres.ConnectionString, PostgresCluster.NewSchema(), DurableHost.Agent("config-agent"), durable: d =>
            {
                d.MaxAttempts = 0;
                d.Queue = "Not A Queue";
                d.InvisibilityTimeout = TimeSpan.Zero;
            }));

        failure.Message.ShouldContain("MaxAttempts must be at least 1");
        failure.Message.ShouldContain("Queue 'Not A Queue'");
        failure.Message.ShouldContain("InvisibilityTimeout must be at least");
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
