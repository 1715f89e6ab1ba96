using System.ComponentModel;
using System.IO.Pipelines;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Agno.Hooks.Examples.ToolHooks;

/// <summary>
/// An MCP server of the ModelContextProtocol SDK with an order system's tools, run in this process over two in-memory
/// pipes (the SDK's stream transport, what it runs over stdio), and the SDK's client connected to it. In a real
/// deployment the client would connect to a server over stdio or HTTP instead; the agent sees the same tools.
/// </summary>
internal sealed partial class OrdersMcpServer : IAsyncDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly ILogger _logger;
    private McpServer? _server;
    private Task? _serving;

    private OrdersMcpServer(ILogger logger) => _logger = logger;

    /// <summary>The SDK's client, connected to the server: <c>ListToolsAsync</c> gives the tools as M.E.AI functions.</summary>
    public McpClient Client { get; private set; } = null!;

    public static async Task<OrdersMcpServer> StartAsync(ILogger logger)
    {
        var mcp = new OrdersMcpServer(logger);
        var options = new McpServerOptions
        {
            ServerInfo = new Implementation { Name = "orders", Version = "1.0.0" },
            ToolCollection = [McpServerTool.Create(mcp.GetOrders), McpServerTool.Create(mcp.DeleteCustomer)],
        };
        var toServer = new Pipe();
        var toClient = new Pipe();
        mcp._server = McpServer.Create(new StreamServerTransport(toServer.Reader.AsStream(), toClient.Writer.AsStream()), options);
        mcp._serving = mcp._server.RunAsync(mcp._stopping.Token);
        mcp.Client = await McpClient.CreateAsync(new StreamClientTransport(toServer.Writer.AsStream(), toClient.Reader.AsStream()));
        return mcp;
    }

    [McpServerTool(Name = "get_orders", ReadOnly = true), Description("Lists a customer's open orders.")]
    public string GetOrders([Description("The customer's id.")] string customer)
    {
        LogCalled(_logger, "get_orders", customer);
        return $"Customer {customer} has 2 open orders: A-17 and A-18";
    }

    [McpServerTool(Name = "delete_customer", Destructive = true), Description("Deletes a customer and all their data.")]
    public string DeleteCustomer([Description("The customer's id.")] string customer)
    {
        LogCalled(_logger, "delete_customer", customer);
        return $"Customer {customer} deleted";
    }

    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync();
        await _stopping.CancelAsync();
        try
        {
            await _serving!;
        }
        catch (OperationCanceledException)
        {
            // Stopped, as asked.
        }

        await _server!.DisposeAsync();
        _stopping.Dispose();
    }

    [LoggerMessage(LogLevel.Information, "[MCP server] {Tool} ran for customer {Customer}")]
    private static partial void LogCalled(ILogger logger, string tool, string customer);
}
