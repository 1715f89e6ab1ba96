using System.ClientModel;
using Agno.Hooks.Testing;
using Microsoft.Extensions.AI;
using OpenAI;

namespace Agno.Hooks.AgentOS.Tests.Infrastructure;

/// <summary>The real OpenAI client, as the examples make it for <c>AGNO_MODEL=openai:gpt-4o-mini</c>, pointed at the fake server.</summary>
internal static class RealOpenAIClient
{
    public const string Model = "gpt-4o-mini";

    public static IChatClient Against(FakeOpenAIServer openAI) =>
        new OpenAIClient(new ApiKeyCredential("sk-test"), new OpenAIClientOptions { Endpoint = new Uri(openAI.BaseUrl) })
            .GetChatClient(Model)
            .AsIChatClient();
}
