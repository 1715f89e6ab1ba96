using System.ClientModel;
using Microsoft.Extensions.Options;
using OpenAI;
using OpenAI.Moderations;

namespace Agno.Hooks.OpenAI;

/// <summary>
/// <see cref="IContentModerator"/> over OpenAI's moderation endpoint (<c>POST {base}/moderations</c>), with the model,
/// base URL and key of <see cref="OpenAIModerationOptions"/>. Works with any server that speaks that endpoint.
/// Registered by <c>AddAgnoHooks().AddOpenAIContentModerator(...)</c>.
/// </summary>
public sealed class OpenAIContentModerator : IContentModerator
{
    /// <summary>The environment variable read when <see cref="OpenAIModerationOptions.ApiKey"/> is not set.</summary>
    public const string ApiKeyVariable = "OPENAI_API_KEY";

    private readonly OpenAIModerationOptions _options;
    private ModerationClient? _client;

    public OpenAIContentModerator(IOptions<OpenAIModerationOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
    }

    public async Task<ContentModerationResult> ModerateAsync(string text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        var client = _client ??= CreateClient();
        ClientResult<ModerationResult> response = await client.ClassifyTextAsync(text, cancellationToken).ConfigureAwait(false);
        var result = response.Value;
        (string Name, ModerationCategory Category)[] categories =
        [
            ("sexual", result.Sexual),
            ("sexual/minors", result.SexualMinors),
            ("harassment", result.Harassment),
            ("harassment/threatening", result.HarassmentThreatening),
            ("hate", result.Hate),
            ("hate/threatening", result.HateThreatening),
            ("illicit", result.Illicit),
            ("illicit/violent", result.IllicitViolent),
            ("self-harm", result.SelfHarm),
            ("self-harm/intent", result.SelfHarmIntent),
            ("self-harm/instructions", result.SelfHarmInstructions),
            ("violence", result.Violence),
            ("violence/graphic", result.ViolenceGraphic),
        ];

        var flags = new Dictionary<string, bool>(categories.Length, StringComparer.Ordinal);
        var scores = new Dictionary<string, double>(categories.Length, StringComparer.Ordinal);
        foreach (var (name, category) in categories)
        {
            if (category is null)
            {
                continue;
            }

            flags[name] = category.Flagged;
            scores[name] = category.Score;
        }

        return new ContentModerationResult { Flagged = result.Flagged, Categories = flags, CategoryScores = scores };
    }

    private ModerationClient CreateClient()
    {
        var key = _options.ApiKey ?? Environment.GetEnvironmentVariable(ApiKeyVariable);
        if (string.IsNullOrEmpty(key))
        {
            throw new InvalidOperationException($"The moderation guardrail needs an API key: set OpenAIModerationOptions.ApiKey or {ApiKeyVariable}.");
        }

        var clientOptions = new OpenAIClientOptions();
        if (_options.BaseUrl is { } baseUrl)
        {
            clientOptions.Endpoint = baseUrl;
        }

        return new ModerationClient(_options.Model, new ApiKeyCredential(key), clientOptions);
    }
}
