using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text.Json.Nodes;
using Agno.Hooks.Hangfire.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Agno.Hooks.Hangfire.Tests;

/// <summary>When and what durable hooks write, how a job finds its hook again, and what they report.</summary>
[Collection(PostgresCollection.Name)]
public sealed class QueueTests(PostgresCluster postgres)
{
    [Fact]
    public async Task Executions_are_in_PostgreSQL_before_the_request_handler_returns_and_a_rejected_run_writes_none()
    {
        var schema = PostgresCluster.NewSchema();
        using var state = new HangfireState(postgres.ConnectionString, schema);
        var rejectSecrets = new HookDescriptor("queue.RejectSecrets", context =>
            context.Input.Content.Contains("password", StringComparison.Ordinal)
                ? throw new InputCheckException("Secrets are not allowed", CheckTrigger.InputNotAllowed)
                : default,
            [new HookParameter("input", HookParameterKind.RunInput, typeof(RunInput))])
        { Guardrail = true };
        var agent = DurableHost.Agent("queue-agent", DurableHost.Hook("queue.Audit", _ => default), DurableHost.Hook("queue.Notify", _ => default));
        agent.PreHooks.Add(rejectSecrets);
        var afterHandler = new ConcurrentQueue<(string Message, long Jobs)>();

        // Nothing runs the jobs here (RunServer off): what is counted is what was written.
        await using var host = await DurableHost.StartAsync(postgres.ConnectionString, schema, agent,
            durable: d => d.RunServer = false,
            beforeRoutes: app => app.Use(async (HttpContext context, RequestDelegate next) =>
            {
                await next(context);
                var message = context.Request.HasFormContentType ? (await context.Request.ReadFormAsync())["message"].ToString() : string.Empty;
                afterHandler.Enqueue((message, state.JobCount));
            }));

        await host.RunAsync("queue-agent", "my password is hunter2");
        await host.RunAsync("queue-agent", "Hello!");

        // The client has its answer before the handler returns (the hooks are queued after the response).
        await Waits.UntilAsync(() => afterHandler.Count == 2, "both requests' handlers returned");
        afterHandler.ShouldBe([("my password is hunter2", 0L), ("Hello!", 2L)]);
        state.Statistics.Enqueued.ShouldBe(2);
    }

    [Fact]
    public async Task A_queued_job_runs_whatever_class_declares_its_hook_now_as_long_as_the_name_is_the_same()
    {
        var schema = PostgresCluster.NewSchema();
        var ran = new ConcurrentQueue<string>();
        string queuedExecution;
        await using (var before = await DurableHost.StartAsync(postgres.ConnectionString, schema,
            DurableHost.Agent("rename-agent", DurableHost.Hook("billing.Audit", _ => throw new InvalidOperationException("the old code must not run"))),
            durable: d => d.RunServer = false))
        {
            await before.RunAsync("rename-agent");
            using var state = new HangfireState(postgres.ConnectionString, schema);

            // Written after the response has been sent, so the client can have its answer a moment before.
            await Waits.UntilAsync(() => state.Statistics.Enqueued >= 1, "the execution was written");
            state.Statistics.Enqueued.ShouldBe(1);
            queuedExecution = BackgroundHookSerializer.Deserialize((string)state.Api.EnqueuedJobs("agno-hooks", 0, 10).Single().Value.Job.Args[0]).ExecutionId;
        }

        // The next version: the same hook name, declared elsewhere (another class, another body).
        await using var after = await DurableHost.StartAsync(postgres.ConnectionString, schema,
            DurableHost.Agent("rename-agent", DurableHost.Hook("billing.Audit", context =>
            {
                ran.Enqueue(context.RequiredBackgroundExecution.Id);
                return default;
            })));

        await Waits.UntilAsync(() => !ran.IsEmpty, "the queued execution ran on the new code");
        ran.ShouldBe([queuedExecution]);
    }

    [Fact]
    public async Task The_background_span_links_to_the_runs_span_and_metrics_and_hooks_runs_keep_their_names()
    {
        var schema = PostgresCluster.NewSchema();
        var spans = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == AgnoHooksTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        var measurements = new ConcurrentQueue<(string Instrument, string? Hook)>();
        using var meters = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == AgnoHooksTelemetry.Name)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        meters.SetMeasurementEventCallback<long>((instrument, _, tags, _) =>
        {
            string? hook = null;
            foreach (var tag in tags)
            {
                hook = tag.Key == "agno.hook.name" ? tag.Value as string : hook;
            }

            measurements.Enqueue((instrument.Name, hook));
        });
        meters.Start();

        await using var host = await DurableHost.StartAsync(postgres.ConnectionString, schema, DurableHost.Agent("trace-agent", DurableHost.Hook("trace.Hook", _ => default)));
        var runId = await host.RunAsync("trace-agent");

        Activity? hookSpan = null;
        await Waits.UntilAsync(() => (hookSpan = spans.FirstOrDefault(s => s.OperationName == "execute_hook trace.Hook" && (string?)s.GetTagItem("agno.run.id") == runId)) is not null, "the background span");
        var runSpan = spans.Single(s => s.OperationName.StartsWith("invoke_agent", StringComparison.Ordinal) && s.TraceId == hookSpan!.Links.Single().Context.TraceId);
        hookSpan!.Links.Single().Context.SpanId.ShouldBe(runSpan.SpanId, "the background span links to its run's span");
        hookSpan.ParentSpanId.ShouldBe(default, "it is a root of its own");
        hookSpan.GetTagItem("agno.hook.execution_id").ShouldNotBeNull();
        hookSpan.GetTagItem("agno.hook.status").ShouldBe("completed");

        meters.RecordObservableInstruments();
        measurements.ShouldContain(("agno.hooks.background.queued", "trace.Hook"));
        measurements.ShouldContain(("agno.hooks.background.completed", "trace.Hook"));

        using var hookRuns = await host.Client.GetAsync("/hooks/runs");
        var body = JsonNode.Parse(await hookRuns.Content.ReadAsStringAsync())!;
        body["statistics"]!["queued"]!.GetValue<long>().ShouldBe(1);
        body["statistics"]!["completed"]!.GetValue<long>().ShouldBe(1);
        var listed = body["runs"]!.AsArray().ShouldHaveSingleItem()!;
        listed["hook_name"]!.GetValue<string>().ShouldBe("trace.Hook");
        listed["run_id"]!.GetValue<string>().ShouldBe(runId);
        listed["status"]!.GetValue<string>().ShouldBe("completed");
    }
}
