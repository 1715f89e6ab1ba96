using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Agno.Hooks;

/// <summary>The judge's instruments, on the "Agno.Hooks" meter.</summary>
internal sealed class EvaluationMetrics
{
    public const string NameTag = "agno.eval.name";
    public const string OwnerTag = "gen_ai.agent.id";
    public const string PassedTag = "agno.eval.passed";
    public const string ErrorTypeTag = "error.type";

    private static readonly Meter SharedMeter = new(AgnoHooksTelemetry.Name);

    public EvaluationMetrics(IMeterFactory? meterFactory)
    {
        var meter = meterFactory?.Create(AgnoHooksTelemetry.Name) ?? SharedMeter;
        Score = meter.CreateHistogram<int>("agno.hooks.eval.score", "{score}", "Scores (1-10) the judge gave with numeric scoring.");
        Results = meter.CreateCounter<long>("agno.hooks.eval.results", "{evaluation}", "Evaluations the judge finished, by whether the answer passed.");
        Failures = meter.CreateCounter<long>("agno.hooks.eval.failures", "{evaluation}", "Evaluations that failed (the judge threw or answered badly); the run is not affected.");
        Duration = meter.CreateHistogram<double>("agno.hooks.eval.duration", "s", "How long the judge took.");
    }

    public Histogram<int> Score { get; }

    public Counter<long> Results { get; }

    public Counter<long> Failures { get; }

    public Histogram<double> Duration { get; }

    public void Record(EvaluationResult result)
    {
        var tags = new TagList { { NameTag, result.Name }, { OwnerTag, result.OwnerId }, { PassedTag, result.Passed } };
        Results.Add(1, tags);
        Duration.Record(result.Duration.TotalSeconds, tags);
        if (result.Score is { } score)
        {
            Score.Record(score, tags);
        }
    }

    public void RecordFailure(string? name, string ownerId, Exception exception) =>
        Failures.Add(1, new TagList { { NameTag, name }, { OwnerTag, ownerId }, { ErrorTypeTag, exception.GetType().FullName } });
}
