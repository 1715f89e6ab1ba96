using System.ComponentModel;
using System.IO.Pipelines;
using Agno.Hooks.Tests.Support;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Agno.Hooks.Tests.Tools;

/// <summary>
/// A real MCP server from the ModelContextProtocol SDK, in process: a customer database's tools, declared with the SDK's
/// attributes, served over two in-memory pipes by the SDK's stream transport (what it runs over stdio), with the SDK's
/// client connected to it. It records each <c>tools/call</c> request as it arrives, before any tool runs, so a test sees
/// what reached the server, and what each tool returned.
/// </summary>
internal sealed class CustomerMcpServer : IAsyncDisposable
{
    public const string Email = "jane.roe@example.com";
    public const string Phone = "555-123-4567";

    private readonly List<string> _received = [];
    private readonly List<string> _returned = [];
    private readonly CancellationTokenSource _stopping = new();
    private McpServer? _server;
    private Task? _serving;

    private CustomerMcpServer()
    {
    }

    /// <summary>The SDK's client, connected to the server.</summary>
    public McpClient Client { get; private set; } = null!;

    /// <summary>Each <c>tools/call</c> the server received: the tool's name and its arguments as JSON.</summary>
    public IReadOnlyList<string> Received
    {
        get
        {
            lock (_received)
            {
                return [.. _received];
            }
        }
    }

    /// <summary>What each tool that ran returned, as the server sent it.</summary>
    public IReadOnlyList<string> Returned
    {
        get
        {
            lock (_returned)
            {
                return [.. _returned];
            }
        }
    }

    public static async Task<CustomerMcpServer> StartAsync()
    {
        var mcp = new CustomerMcpServer();
        var options = new McpServerOptions
        {
            ServerInfo = new Implementation { Name = "customers", Version = "1.0.0" },
            ToolCollection = [McpServerTool.Create(mcp.GetOrders), McpServerTool.Create(mcp.LookupCustomer), McpServerTool.Create(mcp.DeleteCustomer), McpServerTool.Create(mcp.GetNotes)],
        };
        options.Filters.Request.CallToolFilters.Add(next => (request, cancellationToken) =>
        {
            var arguments = string.Join(", ", request.Params!.Arguments?.Select(a => $"{a.Key}={a.Value.GetRawText()}") ?? []);
            lock (mcp._received)
            {
                mcp._received.Add($"{request.Params.Name}({arguments})");
            }

            return next(request, cancellationToken);
        });

        var toServer = new Pipe();
        var toClient = new Pipe();
        mcp._server = McpServer.Create(new StreamServerTransport(toServer.Reader.AsStream(), toClient.Writer.AsStream()), options);
        mcp._serving = mcp._server.RunAsync(mcp._stopping.Token);
        using var handshake = new CancellationTokenSource(ExecutionRecorder.Patience);
        mcp.Client = await McpClient.CreateAsync(new StreamClientTransport(toServer.Writer.AsStream(), toClient.Reader.AsStream()), cancellationToken: handshake.Token);
        return mcp;
    }

    [McpServerTool(Name = "get_orders", ReadOnly = true), Description("Lists a customer's open orders.")]
    public string GetOrders([Description("The customer's id.")] string customer) => Return($"Customer {customer} has 2 open orders: A-17 and A-18");

    [McpServerTool(Name = "lookup_customer", ReadOnly = true), Description("Looks a customer up: name and contact details.")]
    public string LookupCustomer([Description("The customer's id.")] string customer) => Return($"Customer {customer} is Jane Roe, {Email}, {Phone}");

    [McpServerTool(Name = "delete_customer", Destructive = true), Description("Deletes a customer and all their data.")]
    public string DeleteCustomer([Description("The customer's id.")] string customer) => Return($"Customer {customer} deleted");

    [McpServerTool(Name = "get_notes", ReadOnly = true), Description("A customer's notes, one content block each.")]
    public IEnumerable<ContentBlock> GetNotes([Description("The customer's id.")] string customer)
    {
        Return($"2 notes on {customer}");
        return [new TextContentBlock { Text = "Prefers e-mail." }, new TextContentBlock { Text = "Renewal due in June." }];
    }

    private string Return(string result)
    {
        lock (_returned)
        {
            _returned.Add(result);
        }

        return result;
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
}
