using Lib.Tensors.Training;
using Lib.Tracking;
using Lib.Tuning;

namespace Lib.Tests.Tuning;

public class StudyTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private TrackingStore Store() => new(Path.Combine(_dir.Path, "mlruns"));

    private static readonly SearchSpace Space = new SearchSpace().Uniform("x", -2, 2).IntRange("n", 1, 3);

    /// <summary>A known objective: (x − 0.5)² + n, smallest at x = 0.5, n = 1.</summary>
    private static double Bowl(TrialParameters p) => Math.Pow(p.Get<double>("x") - 0.5, 2) + p.Get<int>("n");

    [Fact]
    public void Every_trial_is_a_tracked_run_with_its_parameters_metric_and_study_tags_and_the_best_is_found()
    {
        var store = Store();
        var result = new Study(store, "bowl", "loss").Optimize(Space, new GridSearch(PointsPerRange: 9),
            (p, t) =>
            {
                t.LogMetric("extra", 1.0);
                return Bowl(p);
            });

        Assert.False(result.Cancelled);
        Assert.Equal(27, result.Trials.Count);
        Assert.Equal(0.5, result.Best!.Parameters.Get<double>("x"), 12); // the grid -2, -1.5, …, 2 holds 0.5
        Assert.Equal(1, result.Best.Parameters.Get<int>("n"));
        var runs = store.Runs("tuning");
        Assert.Equal(27, runs.Count);
        foreach (var trial in result.Trials)
        {
            var run = runs.Single(r => r.RunId == trial.RunId);
            Assert.Equal(RunStatus.Finished, run.Status);
            Assert.Equal("bowl", run.Tags[Study.StudyTag]);
            Assert.Equal(trial.Number.ToString(), run.Tags[Study.TrialTag]);
            Assert.Equal(ParameterDomain.Format(trial.Parameters["x"]), run.Params["x"]);
            Assert.Equal(trial.Parameters["n"].ToString(), run.Params["n"]);
            Assert.Equal(Bowl(trial.Parameters), run.Last("loss"));
            Assert.Equal(1.0, run.Last("extra"));
            Assert.Equal($"bowl-trial-{trial.Number:000}", run.RunName);
        }

        var table = result.ToDataFrame();
        Assert.Equal(["trial", "x", "n", "loss", "best_so_far", "reused", "run_id"], table.Columns.Select(c => c.Name));
        Assert.Equal(27, table.Rows.Count);
        var best = table.Columns["best_so_far"].Cast<double?>().Select(v => v!.Value).ToList();
        Assert.Equal(best.OrderByDescending(v => v), best); // never worse than before
        Assert.Equal(result.Trials.Min(t => t.Value), best[^1]);
    }

    [Fact]
    public void A_resumed_study_reruns_nothing_finished_and_reruns_the_interrupted_trials()
    {
        var store = Store();
        var search = new RandomSearch(8, Seed: 3);
        using var cts = new CancellationTokenSource();
        var calls = new List<int>();
        var first = new Study(store, "resume", "loss").Optimize(Space, search, (p, t) =>
        {
            calls.Add(t.Number);
            if (t.Number == 5)
            {
                cts.Cancel(); // stop asked during trial 5: the trial sees it and gives up
                t.CancellationToken.ThrowIfCancellationRequested();
            }
            return Bowl(p);
        }, cancellationToken: cts.Token);

        Assert.True(first.Cancelled);
        Assert.Equal([0, 1, 2, 3, 4, 5], calls);
        Assert.Equal(5, first.Trials.Count);
        Assert.Equal(RunStatus.Killed, store.Runs("tuning").Single(r => r.Tags[Study.TrialTag] == "5").Status);
        // A process killed during trial 6 would leave its run running, a metric half logged.
        var plan = search.Propose(Space);
        var dead = store.StartRun("tuning", "bowl-trial-006", new Dictionary<string, string>
        {
            [Study.StudyTag] = "resume", [Study.TrialTag] = "6", [Study.KeyTag] = plan[6].Key, [Study.BudgetTag] = "",
        });
        dead.LogMetric("loss", 123);
        // A finished run of another study, or of other parameters, is not this trial either.
        using (var other = store.StartRun("tuning", "x", new Dictionary<string, string>
        {
            [Study.StudyTag] = "resume", [Study.TrialTag] = "7", [Study.KeyTag] = "x=0, n=1", [Study.BudgetTag] = "",
        }))
            other.LogMetric("loss", -1);

        calls.Clear();
        var second = new Study(store, "resume", "loss").Optimize(Space, search, (p, t) =>
        {
            calls.Add(t.Number);
            return Bowl(p);
        });

        Assert.False(second.Cancelled);
        Assert.Equal([5, 6, 7], calls);
        Assert.Equal(Enumerable.Range(0, 8), second.Trials.Select(t => t.Number));
        Assert.Equal([true, true, true, true, true, false, false, false], second.Trials.Select(t => t.Reused));
        Assert.Equal(first.Trials.Select(t => t.RunId), second.Trials.Take(5).Select(t => t.RunId));
        Assert.All(second.Trials, t => Assert.Equal(Bowl(t.Parameters), t.Value));
        Assert.Equal(second.Trials.MinBy(t => t.Value)!.Number, second.Best!.Number);

        calls.Clear();
        var third = new Study(store, "resume", "loss").Optimize(Space, search, (p, t) =>
        {
            calls.Add(t.Number);
            return Bowl(p);
        });
        Assert.Empty(calls);
        Assert.All(third.Trials, t => Assert.True(t.Reused));
    }

    [Fact]
    public void Successive_halving_promotes_the_best_third_with_three_times_the_budget()
    {
        var store = Store();
        var result = new Study(store, "halving", "score", MetricMode.Max).Optimize(
            new SearchSpace().IntRange("k", 0, 8),
            new GridSearch(),
            (p, t) => p.Get<int>("k") * 10 + t.Budget!.Value, // higher k is better at every budget
            new SuccessiveHalving(MinBudget: 1, MaxBudget: 9, Eta: 3));

        Assert.Equal([1, 3, 9], new SuccessiveHalving(1, 9, 3).Budgets());
        Assert.Equal(9 + 3 + 1, result.Trials.Count);
        Assert.Equal([8, 7, 6], result.Trials.Where(t => t.Budget == 3).Select(t => t.Parameters.Get<int>("k")).Order().Reverse());
        Assert.Equal(8, result.Trials.Single(t => t.Budget == 9).Parameters.Get<int>("k"));
        Assert.Equal(89, result.Best!.Value);
        Assert.Equal("3", store.Run(result.Trials[9].RunId).Params[Study.BudgetParam]);
        Assert.Contains("budget", result.ToDataFrame().Columns.Select(c => c.Name));
    }

    [Fact]
    public void A_failing_objective_fails_its_run_and_names_the_trial()
    {
        var store = Store();
        var e = Assert.Throws<InvalidOperationException>(() => new Study(store, "boom", "loss").Optimize(
            Space, new GridSearch(2), (p, t) => t.Number == 1 ? throw new IOException("disk full") : 1.0));
        Assert.Contains("trial 1 (x=-2, n=2)", e.Message);
        Assert.Contains("disk full", e.Message);
        Assert.Equal(RunStatus.Failed, store.Runs("tuning").Single(r => r.Tags[Study.TrialTag] == "1").Status);
    }
}
