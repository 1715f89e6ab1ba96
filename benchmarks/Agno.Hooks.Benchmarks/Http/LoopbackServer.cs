using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Agno.Hooks.Benchmarks.Http;

/// <summary>How the HTTP suites host a server and reach it: Kestrel on 127.0.0.1 at a free port, no logging, and a client with no connection limit.</summary>
internal static class LoopbackServer
{
    /// <summary>A minimal-API host whose hosted services (background hooks still running) get <paramref name="shutdownTimeout"/> to stop.</summary>
    public static WebApplicationBuilder CreateBuilder(TimeSpan shutdownTimeout)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Benchmark" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = shutdownTimeout);
        return builder;
    }

    /// <summary>A client that opens as many connections as the requests in flight need.</summary>
    public static HttpClient CreateClient(Uri? baseAddress = null) =>
        new(new SocketsHttpHandler { MaxConnectionsPerServer = int.MaxValue, UseProxy = false })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromSeconds(30),
        };
}
