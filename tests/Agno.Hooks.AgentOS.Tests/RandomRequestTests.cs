using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;
using Agno.Hooks.AgentOS.Tests.Infrastructure;

namespace Agno.Hooks.AgentOS.Tests;

/// <summary>
/// A thousand random and malformed requests on loopback: none may get a 5xx. The seed is fixed, so a
/// failure names a request that can be replayed.
/// </summary>
public sealed class RandomRequestTests
{
    private const string Key = "fuzz-key";
    private const int RequestCount = 1000;

    private static readonly string[] Methods = ["GET", "POST", "POST", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"];

    private static readonly string[] Paths =
    [
        "/", "/health", "/info", "/config", "/agents", "/agents/echo", "/agents/nobody", "/hooks/runs",
        "/agents/echo/runs", "/agents/echo/runs", "/agents/echo/runs", "/agents/guarded/runs", "/agents/nobody/runs",
        "/agents//runs", "/agents/%00/runs", "/agents/%E2%82%AC/runs", "/agents/echo/runs/extra", "/agents/echo/runs?stream=false",
    ];

    private static readonly string[] Fields = ["message", "message", "stream", "session_id", "user_id", "metadata", "session_state", "extra", "debug_mode", ""];

    private static readonly string[] Values =
    [
        "Hi", "", " ", "true", "false", "TRUE", "maybe", "{}", "{\"a\":1}", "[1]", "{not json", "null", "\"str\"",
        "{\"deep\":" + new string('[', 100) + new string(']', 100) + "}", "\u0000\u0001\n\r", "ünïcødé €", new string('x', 5000),
    ];

    [Fact]
    public async Task No_random_or_malformed_request_gets_a_5xx()
    {
        var agent = new Agent("echo") { Model = new OfflineChatClient() };
        agent.PostHooks.Add(TestHooks.Post("Background", _ => default, background: true));
        var guarded = new Agent("guarded") { Model = new OfflineChatClient() };
        guarded.PreHooks.Add(TestHooks.RejectAll());
        await using var server = await AgentOSServer.StartAsync(
            os =>
            {
                os.Agents.Add(agent);
                os.Agents.Add(guarded);
            },
            new Dictionary<string, string?> { ["AgentOS:SecurityKey"] = Key, ["AgentOS:MaxRequestBodySize"] = "16384" });

        var failures = new ConcurrentBag<string>();
        var statuses = new ConcurrentDictionary<int, int>();
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await Parallel.ForEachAsync(Enumerable.Range(0, RequestCount), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = deadline.Token }, async (index, cancellationToken) =>
        {
            var random = new Random(1234 + index);
            using var request = RandomRequest(random, out var description);
            using var response = await server.Client.SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            statuses.AddOrUpdate((int)response.StatusCode, 1, (_, count) => count + 1);
            if ((int)response.StatusCode >= 500 || body.Contains("   at ", StringComparison.Ordinal))
            {
                failures.Add($"#{index} {description} -> {(int)response.StatusCode}: {body[..Math.Min(body.Length, 200)]}");
            }
        });

        failures.ShouldBeEmpty();

        // The mix reached every kind of answer, successful runs included, so the requests went deep enough to matter.
        statuses.Keys.ShouldBe([200, 400, 401, 404, 405, 413, 415, 422], ignoreOrder: true, customMessage: string.Join(", ", statuses.OrderBy(s => s.Key)));
        server.Executor.Statistics.Failed.ShouldBe(0);
    }

    private static HttpRequestMessage RandomRequest(Random random, out string description)
    {
        var method = Pick(random, Methods);
        var path = random.Next(10) == 0 ? "/" + RandomText(random, random.Next(1, 30)).Replace("?", "", StringComparison.Ordinal) : Pick(random, Paths);
        var request = new HttpRequestMessage(new HttpMethod(method), Uri.EscapeDataString(path).Replace("%2F", "/", StringComparison.Ordinal).Replace("%3F", "?", StringComparison.Ordinal).Replace("%3D", "=", StringComparison.Ordinal).Replace("%25", "%", StringComparison.Ordinal));
        switch (random.Next(10))
        {
            case 0:
                break;
            case 1:
                request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + RandomAscii(random, 12));
                break;
            case 2:
                request.Headers.TryAddWithoutValidation("Authorization", RandomAscii(random, 20));
                break;
            default:
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Key);
                break;
        }

        var bodyKind = method is "GET" or "HEAD" or "OPTIONS" && random.Next(4) != 0 ? -1 : random.Next(9);
        request.Content = bodyKind switch
        {
            0 => Multipart(random),
            1 => Multipart(random),
            2 => UrlEncoded(random),
            3 => Raw(random, "application/x-www-form-urlencoded"),
            4 => Raw(random, "multipart/form-data; boundary=" + RandomAscii(random, 8)),
            5 => Raw(random, "multipart/form-data"),
            6 => Raw(random, Pick(random, ["application/json", "text/plain", "application/octet-stream", "multipart/mixed; boundary=x", "bogus"])),
            7 => TruncatedMultipart(random),
            8 => ManyFields(random),
            _ => null,
        };
        description = $"{method} {path} body#{bodyKind}";
        return request;
    }

    private static MultipartFormDataContent Multipart(Random random)
    {
        var form = new MultipartFormDataContent();
        for (var i = random.Next(0, 6); i > 0; i--)
        {
            var name = Pick(random, Fields);
            if (random.Next(6) == 0)
            {
                form.Add(new ByteArrayContent(RandomBytes(random, random.Next(0, 2000))), name.Length == 0 ? "file" : name, "upload.bin");
            }
            else
            {
                form.Add(new StringContent(RandomValue(random)), name.Length == 0 ? "\"\"" : name);
            }
        }

        return form;
    }

    private static FormUrlEncodedContent UrlEncoded(Random random) =>
        new(Enumerable.Range(0, random.Next(0, 6)).Select(_ => new KeyValuePair<string, string>(Pick(random, Fields), RandomValue(random))));

    private static ByteArrayContent Raw(Random random, string contentType)
    {
        var content = new ByteArrayContent(random.Next(3) == 0 ? Encoding.UTF8.GetBytes("message=" + RandomValue(random)) : RandomBytes(random, random.Next(0, 30_000)));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return content;
    }

    private static ByteArrayContent TruncatedMultipart(Random random)
    {
        var text = "--zz\r\nContent-Disposition: form-data; name=\"message\"\r\n\r\nHello\r\n--zz\r\nContent-Disposition: form-data; name=\"stream\"\r\n\r\nfalse\r\n--zz--\r\n";
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(text[..random.Next(0, text.Length)]));
        content.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=zz");
        return content;
    }

    private static FormUrlEncodedContent ManyFields(Random random) =>
        new(Enumerable.Range(0, random.Next(200, 400)).Select(i => new KeyValuePair<string, string>(i == 0 ? "message" : $"f{i}", "v")));

    private static string RandomValue(Random random) => random.Next(3) == 0 ? RandomText(random, random.Next(0, 50)) : Pick(random, Values);

    private static string RandomText(Random random, int length)
    {
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = (char)random.Next(32, 0x2FF);
        }

        return new string(chars);
    }

    /// <summary>Printable ASCII: header values must be ASCII for HttpClient to send them.</summary>
    private static string RandomAscii(Random random, int length)
    {
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = (char)random.Next(33, 127);
        }

        return new string(chars);
    }

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    private static T Pick<T>(Random random, T[] items) => items[random.Next(items.Length)];
}
