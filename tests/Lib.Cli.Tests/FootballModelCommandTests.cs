using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using Lib.Tracking;
using Microsoft.ML.OnnxRuntime;

namespace Lib.Cli.Tests;

/// <summary>
/// <c>lab football train</c> (the sanity config on two weeks), <c>evaluate</c>, <c>predict</c>, <c>export</c> and
/// <c>lab tune football</c> on the bundled data, one model folder shared by the steps.
/// </summary>
public class FootballModelCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("lab-football-model-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Cache => Path.Combine(_dir, "cache");

    private string Model => Path.Combine(_dir, "model");

    private string Runs => Path.Combine(_dir, "mlruns");

    private static (int Code, string Out, string Err) Lab(params string[] args) => LabRun.Run(null, args);

    [Fact]
    public void Train_evaluate_predict_export_and_tune()
    {
        // train: the sanity config with --weeks, which is the config's weeks (train, validation and test all from them)
        var (code, output, error) = Lab("football", "train", "--config", "sanity", "--seasons", "2019", "--weeks", "1-2",
            "--max-epochs", "1", "--model", Model, "--runs", Runs, "--cache", Cache, "--experiment-name", "football-cli-test");
        Assert.True(code == 0, error + output);
        Assert.Matches(@"Trained 1 epochs in \d+ s on \d+ samples \(best epoch \d+, val_ade2 \d+\.\d{3}\)", output);
        var test = System.Text.RegularExpressions.Regex.Match(output, @"The test games: ([\d,]+) samples").Groups[1].Value;
        Assert.NotEqual("", test);
        foreach (var predictor in new[] { "graph network", "constant velocity", "speed and direction", "standing still" })
            Assert.Contains(predictor, output);
        using (var card = JsonDocument.Parse(File.ReadAllText(Path.Combine(Model, "model.json"))))
        {
            var options = card.RootElement.GetProperty("training").GetProperty("options");
            Assert.Equal("1,2", options.GetProperty("weeks").GetString());
        }
        Assert.True(File.Exists(Path.Combine(Model, "checkpoints", "last.safetensors")));
        var run = Assert.Single(new TrackingStore(Runs).Runs("football-cli-test"));
        Assert.Equal("1,2", run.Params["weeks"]);

        // evaluate without --weeks reads the model's weeks (every play of them, not the sanity config's 30)
        (code, output, error) = Lab("football", "evaluate", "--model", Model, "--cache", Cache, "--seasons", "2019",
            "--charts", Path.Combine(_dir, "charts"));
        Assert.True(code == 0, error + output);
        var evaluated = System.Text.RegularExpressions.Regex.Match(output, @"The test games: ([\d,]+) samples").Groups[1].Value;
        Assert.Matches(@"│ graph network\s+│ group DB\s+│", output);
        Assert.Matches(@"│ standing still\s+│ play Pass\s+│", output);
        Assert.Contains("Coverage (tight window)", output);
        Assert.True(File.Exists(Path.Combine(_dir, "charts", "error_by_horizon.html")));
        (code, output, _) = Lab("football", "evaluate", "--model", Model, "--cache", Cache, "--seasons", "2019", "--weeks", "1-2");
        Assert.Equal(0, code);
        Assert.Contains($"The test games: {evaluated} samples", output);
        // ... and --weeks overrides it
        (code, output, _) = Lab("football", "evaluate", "--model", Model, "--cache", Cache, "--seasons", "2019", "--weeks", "1");
        Assert.Equal(0, code);
        Assert.DoesNotContain($"The test games: {evaluated} samples", output);

        Predict_writes_every_players_path_in_the_inputs_own_frame();

        // export: the ONNX file loads in ONNX Runtime with the graph's inputs and outputs
        var onnx = Path.Combine(_dir, "model.onnx");
        (code, output, error) = Lab("football", "export", "--onnx", onnx, "--model", Model);
        Assert.True(code == 0, error + output);
        Assert.Contains("Wrote " + onnx, output);
        using (var session = new InferenceSession(onnx))
        {
            Assert.Equal(["frames", "positions", "velocity", "edge_source", "edge_target", "node_scene", "scene_sizes"],
                session.InputMetadata.Keys.ToArray());
            Assert.Equal(["coverage_logit", "means"], session.OutputMetadata.Keys.Order().ToArray());
        }
        Assert.NotEqual(0, Lab("football", "export", "--onnx", onnx, "--model", Path.Combine(_dir, "none")).Code);

        // tune: a two-point learning-rate grid, each trial a tracked run; the same command resumes
        string[] tune = ["tune", "football", "--config", "sanity", "--grid-points", "2", "--lr", "1e-3:4e-3", "--max-epochs", "1",
            "--runs", Runs, "--cache", Cache, "--seasons", "2019", "--weeks"];
        (code, output, error) = Lab([.. tune, "1-2"]);
        Assert.True(code == 0, error + output);
        Assert.Contains("best_val_ade2", output);
        Assert.Contains("2 trials, 0 read back from earlier runs, 2 run now.", output);
        Assert.Matches(@"│ 0\s+│ 0\.001\s+│", output);
        Assert.Matches(@"│ 1\s+│ 0\.004\s+│", output);
        Assert.Matches(@"Train it with: lab football train --config sanity --learning-rate 0\.00[14]", output);
        var trials = new TrackingStore(Runs).Runs("football-tuning");
        Assert.Equal(2, trials.Count);
        Assert.All(trials, r => Assert.Equal(RunStatus.Finished, r.Status));
        Assert.All(trials, r => Assert.Equal("1,2", r.Params["weeks"]));
        (code, output, error) = Lab([.. tune, "1-2"]);
        Assert.True(code == 0, error + output);
        Assert.Contains("2 trials, 2 read back from earlier runs, 0 run now.", output);
        (code, _, error) = Lab([.. tune, "1"]);
        Assert.NotEqual(0, code); // other data: the study refuses to mix
        Assert.Contains("was recorded with", error);
    }

    /// <summary>A play going left (normalised by a half turn) cut twice: every player seen in the observed frames,
    /// steps 1 … 20, and the first step lands next to where the player really was, in the file's coordinates.</summary>
    private void Predict_writes_every_players_path_in_the_inputs_own_frame()
    {
        const string play = "2019090500,1159,"; // 2019 week 1, a pass play going left; snap at frame 68
        var input = Path.Combine(_dir, "input");
        Directory.CreateDirectory(input);
        var lines = new List<string>();
        using (var reader = new StreamReader(new GZipStream(File.OpenRead(Path.Combine(LabRun.Repo, "data", "football", "tracking.csv.gz")), CompressionMode.Decompress)))
        {
            lines.Add(reader.ReadLine()!);
            for (string? line; (line = reader.ReadLine()) is not null;)
                if (line.StartsWith(play, StringComparison.Ordinal))
                    lines.Add(line);
        }
        File.WriteAllLines(Path.Combine(input, "tracking.csv"), lines);
        File.Copy(Path.Combine(LabRun.Repo, "data", "football", "plays.csv"), Path.Combine(input, "plays.csv"));
        var cuts = Path.Combine(_dir, "cuts.csv");
        File.WriteAllText(cuts, "game_id,play_id,cut_frame\n2019090500,1159,78\n2019090500,1159,88\n");
        var preds = Path.Combine(_dir, "preds.csv");
        var coverage = Path.Combine(_dir, "coverage.csv");

        var (code, output, error) = Lab("football", "predict", "--model", Model, "--input", Path.Combine(input, "tracking.csv"),
            "--cuts", cuts, "--horizon", "20", "--out", preds, "--coverage-out", coverage);
        Assert.True(code == 0, error + output);
        Assert.Contains("2 cuts", output);

        // the raw rows: header game_id,play_id,season,week,frame_id,time,nfl_id,display_name,position,team,jersey,x,y,...
        var raw = lines.Skip(1).Select(l => l.Split(','))
            .Where(f => f[9] != "football")
            .Select(f => (Frame: int.Parse(f[4], CultureInfo.InvariantCulture), Id: int.Parse(f[6], CultureInfo.InvariantCulture),
                X: double.Parse(f[11], CultureInfo.InvariantCulture), Y: double.Parse(f[12], CultureInfo.InvariantCulture)))
            .ToList();
        var rows = File.ReadAllLines(preds);
        Assert.Equal("game_id,play_id,cut_frame,nfl_id,step,x,y", rows[0]);
        var parsed = rows.Skip(1).Select(l => l.Split(',')).Select(f => (Cut: int.Parse(f[2], CultureInfo.InvariantCulture),
            Id: int.Parse(f[3], CultureInfo.InvariantCulture), Step: int.Parse(f[4], CultureInfo.InvariantCulture),
            X: double.Parse(f[5], CultureInfo.InvariantCulture), Y: double.Parse(f[6], CultureInfo.InvariantCulture))).ToList();
        Assert.All(rows.Skip(1), l => Assert.StartsWith(play, l));
        foreach (var cut in new[] { 78, 88 })
        {
            var seen = raw.Where(r => r.Frame > cut - 10 && r.Frame <= cut).Select(r => r.Id).Distinct().Order().ToList();
            Assert.Equal(22, seen.Count);
            var ofCut = parsed.Where(p => p.Cut == cut).ToList();
            Assert.Equal(seen, ofCut.Select(p => p.Id).Distinct().Order().ToList());
            Assert.All(ofCut.GroupBy(p => p.Id), g => Assert.Equal(Enumerable.Range(1, 20), g.Select(p => p.Step).Order()));
            // step 1 against the truth at cut + 1, in the file's frame (the play was turned half round to predict)
            var truth = raw.Where(r => r.Frame == cut + 1).ToDictionary(r => r.Id);
            var first = ofCut.Where(p => p.Step == 1 && truth.ContainsKey(p.Id)).ToList();
            double near = first.Average(p => Distance(p.X - truth[p.Id].X, p.Y - truth[p.Id].Y));
            double turned = first.Average(p => Distance(120 - p.X - truth[p.Id].X, 53.3 - p.Y - truth[p.Id].Y));
            Assert.True(near < 0.5, $"step 1 is {near:F2} yd from the truth on average");
            Assert.True(turned > 5, $"the normalised frame would be {turned:F2} yd off");
        }
        var p = File.ReadAllLines(coverage);
        Assert.Equal("game_id,play_id,p_tight_window", p[0]);
        var probability = double.Parse(Assert.Single(p.Skip(1)).Split(',')[2], CultureInfo.InvariantCulture);
        Assert.InRange(probability, 0, 1);

        File.WriteAllText(cuts, "game_id,play_id,cut_frame\n2019090500,1159,60\n");
        (code, _, error) = Lab("football", "predict", "--model", Model, "--input", Path.Combine(input, "tracking.csv"),
            "--cuts", cuts, "--out", preds);
        Assert.NotEqual(0, code);
        Assert.Contains("line 2", error);
    }

    private static double Distance(double dx, double dy) => Math.Sqrt(dx * dx + dy * dy);
}
