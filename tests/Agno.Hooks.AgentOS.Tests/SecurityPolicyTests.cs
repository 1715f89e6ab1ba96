using System.Net;
using Agno.Hooks.AgentOS.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Agno.Hooks.AgentOS.Tests;

/// <summary>AgentOS's security is one authorization policy over its route group, which an application may replace.</summary>
public sealed class SecurityPolicyTests
{
    [Theory]
    [InlineData("/config")]
    [InlineData("/agents")]
    [InlineData("/sessions")]
    [InlineData(PingRoutes.Ping)]
    public async Task Without_a_key_the_policy_lets_everyone_in(string path)
    {
        await using var server = await AgentOSServer.StartAsync(
            os => os.Agents.Add(new Agent("echo") { Model = new OfflineChatClient() }),
            configureServices: services => services.AddSingleton<IAgentOSRoutes, PingRoutes>());

        using var response = await server.Client.GetAsync(path);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task With_a_key_the_policy_needs_a_user_of_the_security_key_scheme()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddAgentOS(os => os.SecurityKey = "k");
        await using var provider = services.BuildServiceProvider();

        var policy = (await provider.GetRequiredService<IAuthorizationPolicyProvider>().GetPolicyAsync(AgentOSSecurity.PolicyName)).ShouldNotBeNull();

        policy.AuthenticationSchemes.ShouldBe([AgentOSSecurity.SecurityKeyScheme]);
        policy.Requirements.ShouldHaveSingleItem().ShouldBeOfType<DenyAnonymousAuthorizationRequirement>();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task An_application_policy_of_that_name_wins_registered_before_or_after_AddAgentOS(bool before)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        if (before)
        {
            services.AddAuthorization(o => o.AddPolicy(AgentOSSecurity.PolicyName, p => p.RequireClaim("scopes", "agents:read")));
        }

        services.AddAgentOS(os => os.SecurityKey = "k");
        if (!before)
        {
            services.AddAuthorization(o => o.AddPolicy(AgentOSSecurity.PolicyName, p => p.RequireClaim("scopes", "agents:read")));
        }

        await using var provider = services.BuildServiceProvider();

        var policy = (await provider.GetRequiredService<IAuthorizationPolicyProvider>().GetPolicyAsync(AgentOSSecurity.PolicyName)).ShouldNotBeNull();

        policy.AuthenticationSchemes.ShouldBeEmpty();
        policy.Requirements.ShouldHaveSingleItem().ShouldBeOfType<ClaimsAuthorizationRequirement>().ClaimType.ShouldBe("scopes");
    }
}
