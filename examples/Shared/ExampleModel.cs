using System.ClientModel;
using Microsoft.Extensions.AI;
using OpenAI;

namespace Agno.Hooks.Examples;

/// <summary>
/// The examples' model, chosen by <c>AGNO_MODEL</c>: the offline <see cref="OfflineChatClient"/> by default (no key,
/// no network), or <c>openai:&lt;model&gt;</c> (for example <c>openai:gpt-4o-mini</c>) with <c>OPENAI_API_KEY</c>,
/// and <c>OPENAI_BASE_URL</c> for any OpenAI-compatible server (Azure OpenAI, Ollama, vLLM, LM Studio, ...).
/// </summary>
public static class ExampleModel
{
    public const string ModelVariable = "AGNO_MODEL";
    public const string ApiKeyVariable = "OPENAI_API_KEY";
    public const string BaseUrlVariable = "OPENAI_BASE_URL";

    public static IChatClient Create(IConfiguration configuration)
    {
        var choice = configuration[ModelVariable]?.Trim();
        if (string.IsNullOrEmpty(choice) || choice.Equals("offline", StringComparison.OrdinalIgnoreCase))
        {
            return new OfflineChatClient();
        }

        const string OpenAIPrefix = "openai:";
        if (!choice.StartsWith(OpenAIPrefix, StringComparison.OrdinalIgnoreCase) || choice.Length == OpenAIPrefix.Length)
        {
            throw new InvalidOperationException($"{ModelVariable} is '{choice}'; expected 'offline' or 'openai:<model>', such as 'openai:gpt-4o-mini'.");
        }

        var model = choice[OpenAIPrefix.Length..];
        var baseUrl = configuration[BaseUrlVariable];
        var key = configuration[ApiKeyVariable];
        if (string.IsNullOrEmpty(key))
        {
            // A local OpenAI-compatible server usually wants no key, but the client needs one to send.
            key = !string.IsNullOrEmpty(baseUrl)
                ? "unused"
                : throw new InvalidOperationException($"{ModelVariable}={choice} needs {ApiKeyVariable} (or {BaseUrlVariable} for an OpenAI-compatible server).");
        }

        var options = new OpenAIClientOptions();
        if (!string.IsNullOrEmpty(baseUrl))
        {
            options.Endpoint = Uri.TryCreate(baseUrl, UriKind.Absolute, out var endpoint)
                ? endpoint
                : throw new InvalidOperationException($"{BaseUrlVariable} is '{baseUrl}'; expected an absolute URL such as http://localhost:11434/v1.");
        }

        return new OpenAIClient(new ApiKeyCredential(key), options).GetChatClient(model).AsIChatClient();
    }
}
