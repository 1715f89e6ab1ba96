using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Agno.Hooks.AgentOS.Tests.Infrastructure;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Agno.Hooks.AgentOS.Tests;

/// <summary>
/// JWT bearer with a required scope in place of the security key, by ASP.NET Core configuration alone: the application
/// registers the scheme and a policy named <see cref="AgentOSSecurity.PolicyName"/>; AgentOS's code is untouched. Tokens
/// are signed here with a symmetric key; nothing reaches the network.
/// </summary>
public sealed class JwtBearerSecurityTests : IAsyncLifetime
{
    private const string Issuer = "https://issuer.agno-hooks.test";
    private const string Audience = "agentos";
    private const string Scope = "agents:read";
    private const string SecurityKey = "the-key-jwt-replaced";

    private readonly SymmetricSecurityKey _signingKey = new(RandomNumberGenerator.GetBytes(32));
    private AgentOSServer _server = null!;

    public async Task InitializeAsync() =>
        _server = await AgentOSServer.StartAsync(
            os => os.Agents.Add(new Agent("echo") { Model = new OfflineChatClient() }),
            new Dictionary<string, string?> { [AgentOSOptions.SecurityKeyVariable] = SecurityKey },
            configureServices: services =>
            {
                services.AddSingleton<IAgentOSRoutes, PingRoutes>();
                services.AddAuthentication().AddJwtBearer(jwt =>
                {
                    jwt.MapInboundClaims = false;
                    jwt.TokenValidationParameters = new TokenValidationParameters
                    {
                        ValidIssuer = Issuer,
                        ValidAudience = Audience,
                        IssuerSigningKey = _signingKey,
                    };
                });
                services.AddAuthorizationBuilder().AddPolicy(AgentOSSecurity.PolicyName, policy => policy
                    .AddAuthenticationSchemes(JwtBearerDefaults.AuthenticationScheme)
                    .RequireAuthenticatedUser()
                    .RequireClaim("scopes", Scope));
            });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [InlineData("/agents")]
    [InlineData(PingRoutes.Ping)]
    public async Task A_token_with_the_scope_is_let_in(string path)
    {
        using var response = await SendAsync(path, Token(_signingKey, Scope, "sessions:read"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("/agents")]
    [InlineData(PingRoutes.Ping)]
    public async Task A_token_without_the_scope_is_403_with_a_detail(string path)
    {
        using var response = await SendAsync(path, Token(_signingKey, "sessions:read"));

        await BadInputTests.ShouldBeErrorAsync(response, HttpStatusCode.Forbidden, "Insufficient permissions");
    }

    [Theory]
    [InlineData("/agents")]
    [InlineData(PingRoutes.Ping)]
    public async Task No_token_is_401_Authorization_header_required(string path)
    {
        using var response = await SendAsync(path, token: null);

        await BadInputTests.ShouldBeErrorAsync(response, HttpStatusCode.Unauthorized, "Authorization header required");
        response.Headers.WwwAuthenticate.Select(h => h.Scheme).ShouldBe(["Bearer"]);
    }

    [Fact]
    public async Task A_token_signed_with_another_key_is_401_Invalid_authentication_token()
    {
        using var response = await SendAsync("/agents", Token(new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32)), Scope));

        await BadInputTests.ShouldBeErrorAsync(response, HttpStatusCode.Unauthorized, "Invalid authentication token");
    }

    [Fact]
    public async Task The_security_key_no_longer_opens_anything()
    {
        using var response = await SendAsync("/agents", SecurityKey);

        await BadInputTests.ShouldBeErrorAsync(response, HttpStatusCode.Unauthorized, "Invalid authentication token");
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/health")]
    public async Task Root_and_health_stay_open(string path)
    {
        using var response = await SendAsync(path, token: null);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private static string Token(SecurityKey signingKey, params string[] scopes) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            Expires = DateTime.UtcNow.AddMinutes(5),
            SigningCredentials = new SigningCredentials(signingKey, SecurityAlgorithms.HmacSha256),
            Claims = new Dictionary<string, object> { ["sub"] = "user-1", ["scopes"] = scopes },
        });

    private async Task<HttpResponseMessage> SendAsync(string path, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await _server.Client.SendAsync(request);
    }
}
