using System.Text.Json.Nodes;
using Lib.Tracking;
using Spectre.Console;

namespace Lib.Cli.Tests;

/// <summary>Smoke-sized models trained once by <c>lab track train</c> in a temporary folder, for the evaluate and predict tests.</summary>
public sealed class TrainedTrackModels : IDisposable
{
    public TrainedTrackModels()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("lab-track-models-").FullName;
        var (code, output, error) = LabRun.Run(null, "track", "train", "--smoke", "--precision", "32", "--out", ModelFolder, "--cache", Cache, "--runs", Runs);
        (TrainExit, TrainOutput, TrainError) = (code, output, error);
    }

    public string Directory { get; }

    public string ModelFolder => Path.Combine(Directory, "model");

    public string Cache => Path.Combine(Directory, "cache");

    public string Runs => Path.Combine(Directory, "mlruns");

    public int TrainExit { get; }

    public string TrainOutput { get; }

    public string TrainError { get; }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}

/// <summary><c>lab track train | evaluate | predict</c> on the bundled data, smoke-sized.</summary>
public class TrackModelCommandTests(TrainedTrackModels trained) : IClassFixture<TrainedTrackModels>
{
    private (int Code, string Out, string Err) Lab(params string[] args) => LabRun.Run(null, args);

    [Fact]
    public void Train_writes_a_model_per_gender_and_records_the_runs()
    {
        Assert.True(trained.TrainExit == 0, trained.TrainError);
        foreach (var gender in new[] { "men", "women" })
        {
            Assert.True(File.Exists(Path.Combine(trained.ModelFolder, gender, "model.safetensors")));
            Assert.True(File.Exists(Path.Combine(trained.ModelFolder, gender, "model.json")));
            Assert.Contains($"Saved the {gender}'s model to {Path.Combine(trained.ModelFolder, gender)}.", trained.TrainOutput);
        }
        Assert.Contains("Split by target season: validation 2025 Outdoor, 2025 XC; test 2026 Indoor, 2026 Outdoor (held out)", trained.TrainError);
        Assert.Contains("Then refitted on training + validation windows", trained.TrainOutput);
        var runs = new TrackingStore(trained.Runs).Runs("track");
        Assert.Equal(["track-men", "track-women"], runs.Select(r => r.RunName).Order());
        Assert.All(runs, r => Assert.Equal(RunStatus.Finished, r.Status));
        Assert.All(runs, r => Assert.Equal(3, r.Metrics["train_loss"].Count));
        Assert.All(runs, r => Assert.Equal("8", r.Params["season_hidden"]));
        Assert.All(runs, r => Assert.Single(Directory.GetFiles(Path.Combine(trained.Runs, r.ExperimentId, r.RunId, "artifacts", "tensorboard"), "events.out.tfevents.*")));
    }

    [Theory]
    [InlineData("track")]
    [InlineData("climbing")]
    public void Train_refuses_a_precision_other_than_32(string sport)
    {
        var (code, _, error) = LabRun.Run(null, sport, "train", "--precision", "bf16", "--out", Path.Combine(trained.Directory, "never"));
        Assert.Equal(2, code);
        Assert.Contains("--precision 'bf16' is not supported: the engine computes in float32 only", error);
    }

    [Fact]
    public void Evaluate_prints_the_table_and_json_and_writes_charts()
    {
        var charts = Path.Combine(trained.Directory, "charts");
        var (code, output, error) = Lab("track", "evaluate", "--model", trained.ModelFolder, "--cache", trained.Cache, "--charts", charts);
        Assert.True(code == 0, error);
        Assert.Contains("last same-label peak", output);
        Assert.Contains("linear trend", output);
        Assert.Matches(@"men: model \d+\.\d{3}% vs best baseline \d+\.\d{3}%", output);
        Assert.Matches(@"women: model \d+\.\d{3}% vs best baseline", output);
        Assert.Equal(["learning-curves.html", "men-error-by-event.html", "men-forecast-vs-actual.html", "women-error-by-event.html", "women-forecast-vs-actual.html"],
            Directory.GetFiles(charts).Select(Path.GetFileName).Order());
        Assert.All(Directory.GetFiles(charts).Select(File.ReadAllText), html =>
        {
            // Plotly.NET's page with the npm plotly.js inline once: it opens offline.
            Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, @"\* plotly\.js v\d+\.\d+"));
            Assert.DoesNotMatch(@"<script[^>]*\bsrc\s*=", html);
            Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, @"Plotly\.newPlot\("));
        });

        (code, output, error) = Lab("track", "evaluate", "--model", trained.ModelFolder, "--cache", trained.Cache, "--json");
        Assert.True(code == 0, error);
        var json = JsonNode.Parse(output)!;
        Assert.Equal(["M", "F"], json["genders"]!.AsArray().Select(g => g!["gender"]!.GetValue<string>()));
        Assert.All(json["genders"]!.AsArray(), g => Assert.Equal(5, g!["scores"]!.AsArray().Count));
        Assert.Equal("model", json["genders"]![0]!["scores"]![0]!["predictor"]!.GetValue<string>());
        Assert.True(json["genders"]![1]!["windows"]!.GetValue<int>() > 500);
    }

    [Fact]
    public void Predict_with_options_prints_the_forecast()
    {
        var marks = Path.Combine(trained.Directory, "tj.txt");
        File.WriteAllText(marks, "2026-03-28, 12.80\n2026-04-11, 13.05\n2026-04-25, 13.20, +1.2\n");
        var (code, output, error) = Lab("track", "predict", "--model", trained.ModelFolder, "--gender", "women", "--label", "outdoor", "--event", "Triple Jump", "--marks-file", marks);
        Assert.True(code == 0, error);
        Assert.Matches(@"^Predicted next Outdoor peak for Triple Jump: \d+\.\d\dm\s*$", output);
    }

    [Fact]
    public void Predict_asks_for_what_the_options_leave_out_and_asks_again_after_a_bad_answer()
    {
        var input = string.Join("\n",
            trained.ModelFolder,   // model folder
            "woman",                // a gender it does not know
            "women",
            "summer",               // not a season label
            "indoor",
            "99",                   // not on the list
            "Triple Jump",
            "2026-01-10, 12.40",
            "2026-04-10, 12.90",    // outdoor date in an indoor season
            "2026-01-24, 12.7x",    // not a mark
            "2026-01-24, 12.70",
            "") + "\n";
        var (code, output, error) = LabRun.Run(input, "track", "predict");
        Assert.True(code == 0, error + output);
        Assert.Contains("Model folder [", output);
        Assert.Contains("'woman' is not men or women. Try again.", output);
        Assert.Contains("'summer' is not a season label: indoor, outdoor or xc. Try again.", output);
        Assert.Contains("Events of the Indoor season:", output);
        Assert.Contains("99 is not between 1 and", output);
        Assert.Contains("line 2: 2026-04-10 falls in the Outdoor season, not the Indoor season chosen. Type it again", output);
        Assert.Contains("line 3: '12.7x': expected metres", output);
        Assert.Matches(@"Predicted next Indoor peak for Triple Jump: \d+\.\d\dm", output);
    }

    [Theory]
    [InlineData("2026-03-28, 12.80\n2026-04-11, 1x.05\n", "Triple Jump", "tj.txt: line 2: '1x.05': expected metres")]
    [InlineData("12.80\n", "Tripple Jump", "'Tripple Jump' is not an event the catalogue knows; the women's model forecasts")]
    [InlineData("40.10\n", "Discus", "Discus is not contested in the Indoor season")]
    public void Predict_refuses_bad_input_with_exit_code_2_and_the_reason(string marks, string ev, string expected)
    {
        var file = Path.Combine(trained.Directory, "tj.txt");
        File.WriteAllText(file, marks);
        var label = ev == "Discus" ? "indoor" : "outdoor";
        var (code, _, error) = Lab("track", "predict", "--model", Path.Combine(trained.ModelFolder, "women"), "--label", label, "--event", ev, "--marks-file", file);
        Assert.Equal(2, code);
        Assert.Contains(expected, error);
    }

    [Fact]
    public void Predict_in_batch_writes_the_forecasts_and_lists_what_it_could_not_forecast()
    {
        var dir = Path.Combine(trained.Directory, "batch");
        Directory.CreateDirectory(dir);
        var performances = Path.Combine(dir, "performances.csv");
        File.WriteAllText(performances, string.Join("\n",
            "athlete,gender,event,date,mark,wind",
            "Ann Example,women,Triple Jump,2024-04-06,12.10m,+1.0",
            "Ann Example,women,TJ,2024-04-27,12.35m,",
            "Ann Example,women,TJ,2025-01-25,12.20m,",
            "Ann Example,women,TJ,2025-04-12,12.52m,-0.4",
            "Ann Example,women,TJ,2025-05-10,12.61,",
            "Ann Example,women,4x100,2025-05-10,47.00,") + "\n");
        var requests = Path.Combine(dir, "requests.csv");
        File.WriteAllText(requests, "athlete,gender,event,target_label\nAnn Example,women,Triple Jump,outdoor\nAnn Example,women,Long Jump,outdoor\n");
        var output = Path.Combine(dir, "forecasts.csv");
        var (code, stdout, error) = Lab("track", "predict", "--model", trained.ModelFolder, "--input", performances, "--requests", requests, "--out", output);
        Assert.Equal(1, code); // a request could not be forecast: listed, and the exit code says so
        var lines = File.ReadAllLines(output);
        Assert.Equal("athlete,gender,event,target_label,target_season,predicted_peak,predicted_mark,history_seasons", lines[0]);
        Assert.Matches(@"^Ann Example,women,Triple Jump,outdoor,2026 Outdoor,1\d\.\d+,1\d\.\d\dm,3$", lines[1]);
        Assert.Equal(2, lines.Length);
        var rejected = File.ReadAllText(Path.Combine(dir, "forecasts.rejected.csv"));
        Assert.Contains("requests.csv,line 3,no history in Long Jump: Ann Example (women) has marks in TJ,", rejected);
        Assert.Contains("performances.csv,line 7,\"4 x 100 Relay is a relay", rejected);
        Assert.Contains("not forecast: requests.csv: line 3: no history in Long Jump", error);
        Assert.Contains("1 forecasts, 1 requests could not be forecast; 6 performances read, 1 left out.", stdout);
    }

    [Fact]
    public void Crosscheck_prepares_a_batch_set_and_scores_the_forecasts_against_the_truth_and_the_baselines()
    {
        var dir = Path.Combine(trained.Directory, "crosscheck");
        Directory.CreateDirectory(dir);
        var all = Path.Combine(dir, "all.csv");
        File.WriteAllText(all, string.Join("\n",
            "athlete,gender,event,date,mark,wind",
            "Ann Example,women,TJ,2023-04-15,12.00m,",
            "Ann Example,women,TJ,2024-04-27,12.30m,",
            "Ann Example,women,TJ,2025-04-12,12.52m,",
            "Bob Example,men,100,2023-04-15,10.80,+1.0",
            "Bob Example,men,100,2024-04-20,10.70,+0.5",
            "Bob Example,men,100,2025-04-19,10.65,+1.1") + "\n");
        var set = Path.Combine(dir, "set");
        var (code, stdout, error) = Lab("track", "crosscheck", "prepare", "--input", all, "--cut", "2025-01-01", "--out", set);
        Assert.True(code == 0, error);
        Assert.Contains("wrote 4 rows before 2025-01-01", stdout);
        var requests = File.ReadAllLines(Path.Combine(set, "requests.csv"));
        Assert.Equal("athlete,gender,event,target_label", requests[0]);
        Assert.Equal(["Ann Example,women,TJ,outdoor", "Bob Example,men,100,outdoor"], requests[1..].Order(StringComparer.Ordinal));
        Assert.Contains("Ann Example,women,TJ,outdoor,2025 Outdoor,12.52", File.ReadAllText(Path.Combine(set, "truth.csv")));
        (code, _, error) = Lab("track", "predict", "--model", trained.ModelFolder, "--input", Path.Combine(set, "performances.csv"),
            "--requests", Path.Combine(set, "requests.csv"), "--out", Path.Combine(set, "forecasts.csv"));
        Assert.True(code == 0, error);
        (code, stdout, error) = Lab("track", "crosscheck", "score", "--dir", set);
        Assert.True(code == 0, error);
        // The last peak: |12.30 − 12.52| / 12.52 = 1.757 %, |10.70 − 10.65| / 10.65 = 0.469 %.
        Assert.Matches(@"\| women \| Jump \| 1 \| \d+\.\d{3} \| 1\.757 \| 1\.757 \|", stdout);
        Assert.Matches(@"\| men \| Sprint \| 1 \| \d+\.\d{3} \| 0\.469 \| 0\.469 \|", stdout);
        Assert.Contains("2 requests with a known outcome, 0 not forecast", stdout);
    }

    [Fact]
    public void Predict_from_an_athlete_page_forecasts_each_event()
    {
        var (code, stdout, error) = Lab("track", "predict", "--model", trained.ModelFolder, "--athlete-url", "https://www.tfrrs.org/athletes/6873033/Moravian/Shane__Houghton.html");
        Assert.True(code == 0, error);
        Assert.Contains("3000SC", stdout);
        Assert.Contains("2023 Outdoor", stdout);
        Assert.Contains("not forecast: https://www.tfrrs.org/athletes/6873033/Moravian/Shane__Houghton.html: Mile, outdoor:", error);
        (code, _, error) = Lab("track", "predict", "--model", trained.ModelFolder, "--athlete-url", "/athletes/1/Nobody.html");
        Assert.Equal(1, code);
        Assert.Contains("NotFound", error);
    }

    [Theory]
    [InlineData("--tree-bags", "0")]
    [InlineData("--tree-subsample", "0")]
    [InlineData("--tree-features", "1.5")]
    public void Train_refuses_trees_options_out_of_range(string option, string value)
    {
        var (code, _, error) = Lab("track", "train", "--smoke", option, value, "--out", Path.Combine(trained.Directory, "y"), "--cache", trained.Cache);
        Assert.Equal(2, code);
        Assert.Contains(option, error);
    }

    [Fact]
    public void Train_with_a_backtest_shifts_the_split_and_evaluate_scores_the_rehearsal()
    {
        var folder = Path.Combine(trained.Directory, "backtest");
        var (code, _, error) = Lab("track", "train", "--smoke", "--backtest", "2", "--refit", "false", "--gender",
            "women", "--out", folder, "--cache", trained.Cache, "--runs", trained.Runs);
        Assert.True(code == 0, error);
        Assert.Contains("validation 2024 XC, 2025 Indoor; test 2025 Outdoor, 2025 XC (held out); training before "
            + "2024 XC; a backtest: the latest 2 target seasons left out.", error);
        var card = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "women", "model.json")))!;
        Assert.Equal("false", card["training"]!["options"]!["refit"]!.ToJsonString());
        Assert.Equal("2", card["training"]!["options"]!["backtest"]!.ToJsonString());
        (code, var output, error) = Lab("track", "evaluate", "--model", folder, "--json", "--cache", trained.Cache);
        Assert.True(code == 0, error);
        var seasons = JsonNode.Parse(output)!["genders"]![0]!["testSeasons"]!.AsArray().Select(s => (string)s!);
        Assert.Equal(["2025 Outdoor", "2025 XC"], seasons);

        (code, _, error) = Lab("track", "train", "--smoke", "--backtest", "40", "--out", folder, "--cache",
            trained.Cache);
        Assert.Equal(2, code);
        Assert.Contains("before the 40 latest left out for a backtest", error);
        (code, _, error) = Lab("track", "train", "--smoke", "--backtest", "-1", "--out", folder);
        Assert.Equal(2, code);
        Assert.Contains("--backtest must be 0 or more, not -1.", error);
    }

    [Fact]
    public void Train_refuses_an_unknown_head_and_evaluate_a_missing_model()
    {
        var (code, _, error) = Lab("track", "train", "--smoke", "--head", "tree", "--out", Path.Combine(trained.Directory, "x"), "--cache", trained.Cache);
        Assert.Equal(2, code);
        Assert.Contains("'tree' is not a head variant: mlp32, layernorm (layer-norm + linear) or linear.", error);
        (code, _, error) = Lab("track", "evaluate", "--model", Path.Combine(trained.Directory, "none"), "--cache", trained.Cache);
        Assert.Equal(2, code);
        Assert.Contains("does not exist", error);
    }

    [Fact]
    public void Export_writes_one_genders_model_as_onnx_and_asks_which_when_the_folder_holds_both()
    {
        var file = Path.Combine(trained.Directory, "women.onnx");
        var (code, output, error) = Lab("track", "export", "--onnx", file, "--model", trained.ModelFolder, "--gender", "women");
        Assert.True(code == 0, error);
        Assert.Matches(@"input\s+│\s+marks\s+│\s+float\s+│\s+\[seasons, marks, 3\]", output);
        Assert.Matches(@"input\s+│\s+mark_lengths\s+│\s+int64\s+│\s+\[seasons\]", output);
        Assert.Matches(@"output\s+│\s+forecast\s+│\s+float\s+│\s+\[batch\]", output);
        Assert.Contains($"Wrote {file} (ONNX opset 17), the women's model", output);
        using (var session = new Microsoft.ML.OnnxRuntime.InferenceSession(file))
            Assert.Equal(["marks", "mark_lengths", "season_slots", "season_counts", "season_labels", "target_label", "event", "summary", "base"], session.InputMetadata.Keys);

        (code, _, error) = Lab("track", "export", "--onnx", Path.Combine(trained.Directory, "both.onnx"), "--model", trained.ModelFolder);
        Assert.Equal(2, code);
        Assert.Contains("holds the men's and the women's models: say which", error);
        Assert.False(File.Exists(Path.Combine(trained.Directory, "both.onnx")));
    }
}
