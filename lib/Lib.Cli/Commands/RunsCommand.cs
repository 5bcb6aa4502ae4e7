using System.CommandLine;
using System.Globalization;
using Lib.Tracking;
using Spectre.Console;

namespace Lib.Cli.Commands;

/// <summary><c>lab runs list|show</c>: training runs recorded in the MLflow-compatible store.</summary>
internal static class RunsCommand
{
    public static Command Create(CliContext context)
    {
        var store = new Option<string?>("--store")
        {
            Description = "The tracking store (default: artifacts/mlruns).",
            HelpName = "dir",
        };

        var experiment = new Option<string?>("--experiment", "-e")
        {
            Description = "Only this experiment (a workflow name such as 'track').",
            HelpName = "name",
        };
        var list = new Command("list", "List runs, newest first, with their status and last metric values.")
        {
            store,
            experiment,
        };
        list.SetAction(parse =>
        {
            var tracking = Open(context, parse.GetValue(store));
            var names = parse.GetValue(experiment) is { } one
                ? [one]
                : tracking.Experiments().Select(e => e.Name).ToList();
            var table = new Spectre.Console.Table().AddColumns(
                "experiment",
                "run",
                "name",
                "status",
                "started",
                "metrics"
            );
            foreach (var name in names)
            foreach (var run in tracking.Runs(name))
                table.AddRow(
                    Markup.Escape(name),
                    run.RunId[..8],
                    Markup.Escape(run.RunName),
                    run.Status.ToString(),
                    run.StartTime.ToLocalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                    Markup.Escape(
                        string.Join(
                            ", ",
                            run.Metrics.Keys.Order(StringComparer.Ordinal)
                                .Select(k => string.Create(CultureInfo.InvariantCulture, $"{k}={run.Last(k):G4}"))
                        )
                    )
                );
            context.Console.Write(table);
            return 0;
        });

        var runId = new Argument<string>("run-id")
        {
            Description = "The run's id (or its first characters, as 'list' shows).",
        };
        var show = new Command("show", "Show a run's parameters, tags and final metrics.") { store, runId };
        show.SetAction(parse =>
        {
            var tracking = Open(context, parse.GetValue(store));
            var prefix = parse.GetValue(runId)!;
            var matches = tracking
                .Experiments()
                .SelectMany(e => tracking.Runs(e.Name))
                .Where(r => r.RunId.StartsWith(prefix, StringComparison.Ordinal))
                .ToList();
            var run = matches.Count switch
            {
                1 => matches[0],
                0 => throw new KeyNotFoundException($"No run id starts with '{prefix}' in {tracking.Root}."),
                _ => throw new ArgumentException($"'{prefix}' matches {matches.Count} runs; give more characters."),
            };
            var table = new Spectre.Console.Table().AddColumns("kind", "key", "value");
            foreach (var (k, v) in run.Params.OrderBy(kv => kv.Key, StringComparer.Ordinal))
                table.AddRow("param", Markup.Escape(k), Markup.Escape(v));
            foreach (var (k, points) in run.Metrics.OrderBy(kv => kv.Key, StringComparer.Ordinal))
                table.AddRow(
                    "metric",
                    Markup.Escape(k),
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"{points[^1].Value:G6} (step {points[^1].Step}, {points.Count} values)"
                    )
                );
            foreach (var (k, v) in run.Tags.Where(t => !t.Key.StartsWith("mlflow.", StringComparison.Ordinal)))
                table.AddRow("tag", Markup.Escape(k), Markup.Escape(v));
            context.Console.MarkupLine($"[bold]{Markup.Escape(run.RunName)}[/] {run.RunId} ({run.Status})");
            context.Console.Write(table);
            return 0;
        });

        return new Command(
            "runs",
            "Training runs recorded under artifacts/mlruns (browse them with 'mlflow ui --backend-store-uri "
                + "artifacts/mlruns')."
        )
        {
            list,
            show,
        };
    }

    private static TrackingStore Open(CliContext context, string? store)
    {
        var path = store ?? Path.Combine(context.Artifacts, "mlruns");
        if (store is not null && !Directory.Exists(path))
            throw new DirectoryNotFoundException($"No tracking store at '{path}'.");
        return new TrackingStore(path);
    }
}
