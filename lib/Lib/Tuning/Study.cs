using System.Globalization;
using Lib.Display;
using Lib.Tensors.Training;
using Lib.Tracking;

namespace Lib.Tuning;

/// <summary>
/// A hyperparameter study: runs an objective on the trials a search proposes (optionally through successive halving),
/// records every trial as a tracked run in the MLflow-compatible store — its parameters, the objective's metric, tags
/// naming the study, the trial and its budget — and collects the results. A study resumes: a trial already finished
/// in the store with the same number, parameters and budget is read back, not rerun; an interrupted one (its run left
/// running, killed or failed) is run again as a new run. Cancelling stops cleanly between or inside trials (the
/// interrupted trial's run ends as killed) and returns what finished.
/// </summary>
/// <example><code>
/// var space = new SearchSpace().LogUniform("lr", 1e-4, 1e-2).IntRange("hidden", 16, 64, 16);
/// var study = new Study(new TrackingStore("artifacts/mlruns"), "track-small", "val_pct");
/// var result = study.Optimize(space, new RandomSearch(20, Seed: 1), (p, t) =&gt; Train(p, t));
/// result.ToDataFrame()
/// </code></example>
public sealed class Study
{
    /// <summary>The tag naming the study on each trial's run.</summary>
    public const string StudyTag = "lab.study";

    /// <summary>The tag holding the trial's number.</summary>
    public const string TrialTag = "lab.trial";

    /// <summary>The tag holding the trial's parameters as text (<see cref="TrialParameters.Key"/>).</summary>
    public const string KeyTag = "lab.trial_key";

    /// <summary>The tag holding the trial's budget (empty without successive halving).</summary>
    public const string BudgetTag = "lab.budget";

    /// <summary>The parameter a trial's budget is logged as under successive halving.</summary>
    public const string BudgetParam = "trial_budget";

    /// <summary>A study called <paramref name="name"/> that records its trials in <paramref name="store"/>
    /// (experiment <paramref name="experiment"/>) and minimises or maximises <paramref name="metric"/>.</summary>
    public Study(
        TrackingStore store,
        string name,
        string metric,
        MetricMode mode = MetricMode.Min,
        string experiment = "tuning"
    )
    {
        Store = store ?? throw new ArgumentNullException(nameof(store));
        if (string.IsNullOrWhiteSpace(name))
            throw new ArgumentException("A study needs a name.", nameof(name));
        if (string.IsNullOrWhiteSpace(metric) || !TrackingStore.ValidKey().IsMatch(metric))
            throw new ArgumentException($"'{metric}' is not a valid metric name.", nameof(metric));
        (Name, Metric, Mode, Experiment) = (name, metric, mode, experiment);
    }

    /// <summary>The store the trials are recorded in.</summary>
    public TrackingStore Store { get; }

    /// <summary>The study's name (the <see cref="StudyTag"/> of its runs).</summary>
    public string Name { get; }

    /// <summary>The objective's metric, logged on each trial's run.</summary>
    public string Metric { get; }

    /// <summary>Whether lower or higher values of <see cref="Metric"/> are better.</summary>
    public MetricMode Mode { get; }

    /// <summary>The tracking experiment the runs go to.</summary>
    public string Experiment { get; }

    /// <summary>
    /// Runs (or, resuming, reads back) the trials <paramref name="search"/> proposes over <paramref name="space"/>:
    /// each once, or through the rungs of <paramref name="halving"/>. <paramref name="objective"/> returns the
    /// metric; NaN ranks last.
    /// </summary>
    /// <exception cref="InvalidOperationException">The objective threw (the trial's run ends as failed; the message
    /// names the trial and its parameters).</exception>
    public StudyResult Optimize(
        SearchSpace space,
        ISearchStrategy search,
        Func<TrialParameters, TrialContext, double> objective,
        SuccessiveHalving? halving = null,
        IProgressReporter? progress = null,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(search);
        ArgumentNullException.ThrowIfNull(objective);
        var plan = search.Propose(space);
        CheckPlan(space, plan);
        IReadOnlyList<int?> budgets = halving is null ? [null] : [.. halving.Budgets().Select(b => (int?)b)];
        var finished = FinishedTrials();
        long total = 0;
        for (int count = plan.Count, r = 0; r < budgets.Count; r++)
        {
            total += count;
            count = halving?.Survivors(count) ?? 0;
        }
        using var task = progress?.Start($"study {Name}", total, "trials");

        var trials = new List<TrialResult>();
        IReadOnlyList<int> candidates = [.. Enumerable.Range(0, plan.Count)];
        bool cancelled = false;
        foreach (var budget in budgets)
        {
            var rung = new List<TrialResult>();
            foreach (int number in candidates)
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    cancelled = true;
                    break;
                }
                task?.SetStatus($"trial {number}{(budget is null ? "" : $" budget {budget}")}: {plan[number].Key}");
                var result = Reuse(finished, number, plan[number], budget)
                    ?? RunTrial(number, plan[number], budget, objective, cancellationToken);
                if (result is null)
                {
                    cancelled = true;
                    break;
                }
                rung.Add(result);
                trials.Add(result);
                task?.Advance();
            }
            if (cancelled)
                break;
            candidates =
            [
                .. rung.OrderBy(t => t, Ranking).Take(halving?.Survivors(rung.Count) ?? 0).Select(t => t.Number),
            ];
        }
        if (!cancelled)
            task?.Complete();
        return new StudyResult(Name, Metric, Mode, space, trials, cancelled);
    }

    /// <summary>Orders trials best first (NaN last).</summary>
    internal IComparer<TrialResult> Ranking =>
        Comparer<TrialResult>.Create(
            (a, b) =>
                double.IsNaN(a.Value) ? (double.IsNaN(b.Value) ? 0 : 1)
                : double.IsNaN(b.Value) ? -1
                : Mode == MetricMode.Min ? a.Value.CompareTo(b.Value)
                : b.Value.CompareTo(a.Value)
        );

    private TrialResult? RunTrial(
        int number,
        TrialParameters parameters,
        int? budget,
        Func<TrialParameters, TrialContext, double> objective,
        CancellationToken cancellationToken
    )
    {
        var tags = new Dictionary<string, string>
        {
            [StudyTag] = Name,
            [TrialTag] = number.ToString(CultureInfo.InvariantCulture),
            [KeyTag] = parameters.Key,
            [BudgetTag] = BudgetText(budget),
        };
        var runName = $"{Name}-trial-{number:000}" + (budget is null ? "" : $"-budget-{budget}");
        using var run = Store.StartRun(Experiment, runName, tags);
        foreach (var (key, value) in parameters.Values)
            run.LogParam(key, ParameterDomain.Format(value));
        if (budget is not null)
            run.LogParam(BudgetParam, budget);
        double result;
        try
        {
            result = objective(parameters, new TrialContext(number, budget, run, cancellationToken));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            run.End(RunStatus.Killed);
            return null;
        }
        catch (Exception e)
        {
            run.End(RunStatus.Failed);
            throw new InvalidOperationException(
                $"Study '{Name}', trial {number} ({parameters.Key}) failed: {e.Message}",
                e
            );
        }
        run.LogMetric(Metric, result, budget ?? 0);
        run.End(RunStatus.Finished);
        return new TrialResult(number, parameters, budget, result, run.RunId, Reused: false);
    }

    private TrialResult? Reuse(
        Dictionary<(string, string, string), RunRecord> finished,
        int number,
        TrialParameters parameters,
        int? budget
    ) =>
        finished.TryGetValue(
            (number.ToString(CultureInfo.InvariantCulture), parameters.Key, BudgetText(budget)),
            out var run
        )
            ? new TrialResult(number, parameters, budget, run.Last(Metric)!.Value, run.RunId, Reused: true)
            : null;

    /// <summary>The study's finished runs that logged the metric, by (trial, parameters, budget); the newest wins.
    /// </summary>
    private Dictionary<(string, string, string), RunRecord> FinishedTrials()
    {
        var result = new Dictionary<(string, string, string), RunRecord>();
        foreach (var run in Store.Runs(Experiment).Reverse()) // oldest first, so the newest overwrites
        {
            if (
                run.Status != RunStatus.Finished
                || run.Tags.GetValueOrDefault(StudyTag) != Name
                || run.Last(Metric) is null
                || run.Tags.GetValueOrDefault(TrialTag) is not { } trial
                || run.Tags.GetValueOrDefault(KeyTag) is not { } key
            )
                continue;
            result[(trial, key, run.Tags.GetValueOrDefault(BudgetTag) ?? "")] = run;
        }
        return result;
    }

    private static string BudgetText(int? budget) => budget?.ToString(CultureInfo.InvariantCulture) ?? "";

    private static void CheckPlan(SearchSpace space, IReadOnlyList<TrialParameters> plan)
    {
        if (plan.Count == 0)
            throw new InvalidOperationException("The search proposed no trials.");
        for (int i = 0; i < plan.Count; i++)
        {
            var names = plan[i].Names.ToList();
            if (!names.SequenceEqual(space.Parameters.Select(p => p.Name)))
                throw new InvalidOperationException(
                    $"Trial {i} sets [{string.Join(", ", names)}], not the search space's parameters "
                        + $"[{string.Join(", ", space.Parameters.Select(p => p.Name))}]."
                );
            foreach (var (name, value) in plan[i].Values)
                if (!space[name].Contains(value))
                    throw new InvalidOperationException(
                        $"Trial {i}: {name}={ParameterDomain.Format(value)} lies outside the search space."
                    );
        }
    }
}
