using Lib.Storage.DuckDb;
using Spectre.Console;

namespace Lib.Cli.Tests;

/// <summary><c>lab climbing ingest|train|evaluate|predict</c> on the bundled data, with a tiny model so the whole file runs in seconds.</summary>
public class ClimbingCommandTests : IDisposable
{
    private static readonly string Repo = LabRun.Repo;
    private readonly string _dir = Directory.CreateTempSubdirectory("lab-climbing-").FullName;
    private readonly StringWriter _out = new();
    private readonly StringWriter _err = new();

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private Task<int> Lab(params string[] args)
    {
        var (code, output, error) = LabRun.Run(null, args);
        _out.Write(output);
        _err.Write(error);
        return Task.FromResult(code);
    }

    private static long Count(string sql, string file)
    {
        using var connection = DuckDb.OpenInMemory();
        return connection.ExecuteScalar<long>(sql, file);
    }

    private string Model => Path.Combine(_dir, "model");

    private async Task TrainTiny() => Assert.Equal(0, await Lab("climbing", "train", "--out", Model, "--epochs", "1", "--d-model", "16", "--heads", "2", "--layers", "1", "--ff", "32",
        "--max-train-routes", "300", "--cache", Path.Combine(_dir, "cache"), "--runs", Path.Combine(_dir, "mlruns")));

    [Fact]
    public async Task Ingest_writes_the_route_table_and_accounts_for_every_record()
    {
        var outDir = Path.Combine(_dir, "routes");
        Assert.Equal(0, await Lab("climbing", "ingest", "--out", outDir, "--cache", Path.Combine(_dir, "cache")));
        Assert.Equal(3427, Count("SELECT count(*) FROM read_parquet(?)", Path.Combine(outDir, "routes.parquet")));
        Assert.Equal(1648, Count("SELECT count(*) FROM read_parquet(?) WHERE difficulty IS NOT NULL", Path.Combine(outDir, "routes.parquet")));
        Assert.Equal(1779, Count("SELECT count(*) FROM read_csv(?)", Path.Combine(outDir, "rejected.csv")));
        Assert.Equal(0, Count("SELECT count(*) FROM read_csv(?) WHERE records <> parsed + reported", Path.Combine(outDir, "files.csv")));
        Assert.True(File.Exists(Path.Combine(outDir, "routes.json")) && File.Exists(Path.Combine(outDir, "holds.parquet")));
        Assert.Contains("3427 routes (1648 graded: KILTER1 209, KILTER8 20, MOON2016 405, MOON2017 428, MOON2019 348, MOONMINI2020 238); 1779 records reported.", _out.ToString());
        Assert.Contains("reported: 1768 × regisxu_kilter_sync_climb_stats_page.json: climb # is not on the climbs page", _err.ToString());
        Assert.Contains("'j5' is not a cell of MoonBoard 2016", _err.ToString());
        Assert.Contains("Parsed the sources", _out.ToString());

        Assert.Equal(0, await Lab("climbing", "ingest", "--out", outDir, "--cache", Path.Combine(_dir, "cache"))); // the same cached step
        Assert.Contains("Reused the cached route table", _out.ToString());
        Assert.Equal(1779, Count("SELECT count(*) FROM read_csv(?) WHERE source <> '' AND location <> '' AND reason <> ''", Path.Combine(outDir, "rejected.csv")));
    }

    [Fact]
    public async Task Train_saves_a_model_folder_with_metrics_and_predict_grades_typed_holds_and_files()
    {
        await TrainTiny();
        foreach (var file in new[] { "model.safetensors", "model.json", "metrics.json", "metrics.csv", "predictions.csv" }) Assert.True(File.Exists(Path.Combine(Model, file)), file);
        Assert.Contains("Trained", _out.ToString());
        Assert.Contains("linear baseline", _out.ToString());
        Assert.Single(Directory.GetDirectories(Path.Combine(_dir, "mlruns")), d => !d.EndsWith(".trash", StringComparison.Ordinal) && Path.GetFileName(d) != "0");

        Assert.Equal(0, await Lab("climbing", "predict", "--model", Model, "E6:start", "C5:start", "F11", "K18:end", "--board", "2016", "--angle", "40"));
        Assert.Contains("E6:start C5:start F11:middle K18:finish", _out.ToString());
        Assert.Contains("MOON2016", _out.ToString());

        var csv = Path.Combine(_dir, "predictions.csv");
        Assert.Equal(1, await Lab("climbing", "predict", "--model", Model, "--input", Path.Combine(Repo, "data", "climbing", "moonboard", "smchase_raw_2016-40.json"), "--out", csv));
        Assert.Equal(405, Count("SELECT count(*) FROM read_csv(?)", csv));
        Assert.Equal(405, Count("SELECT count(*) FROM read_csv(?) WHERE predicted_v_grade LIKE 'V%' AND board = 'MOON2016' AND angle = 40", csv));
        Assert.Contains("405 routes to grade, 3 records refused", _err.ToString());
        Assert.Contains("refused: smchase_raw_2016-40.json: record 52 (apiId 23360 'Blackfish')", _err.ToString());

        // evaluate --input: the model alone on a route file, the metrics training writes (issue 19).
        var metrics = Path.Combine(_dir, "eval", "metrics.json");
        Assert.Equal(1, await Lab("climbing", "evaluate", "--model", Model, "--input", Path.Combine(Repo, "data", "climbing", "moonboard", "smchase_raw_2016-40.json"), "--out", metrics));
        Assert.Contains("MoonBoard problems: 405 graded routes scored, 0 without a grade, 3 refused.", _out.ToString());
        Assert.Equal(3, Count("SELECT count(*) FROM read_json(?)", metrics)); // overall, board, board+angle
        Assert.Equal(405, Count("SELECT min(count) FROM read_csv(?)", Path.Combine(_dir, "eval", "metrics.csv")));
        var kilter = Path.Combine(Repo, "data", "climbing", "kilter");
        Assert.Equal(1, await Lab("climbing", "evaluate", "--model", Model, "--input", Path.Combine(kilter, "regisxu_kilter_sync_climbs_page.json"),
            "--stats", Path.Combine(kilter, "regisxu_kilter_sync_climb_stats_page.json"), "--out", Path.Combine(_dir, "eval", "kilter.json")));
        Assert.Contains("Kilter climbs: 229 graded routes scored", _out.ToString()); // KILTER1 209 + KILTER8 20, as ingested
        Assert.Equal(2, await Lab("climbing", "evaluate", "--model", Model, "--input", Path.Combine(kilter, "regisxu_kilter_sync_climbs_page.json"), "--out", Path.Combine(_dir, "eval", "k2.json")));
        Assert.Contains("Kilter climbs need --stats for grades", _err.ToString());
    }

    [Fact]
    public async Task Evaluate_scores_a_saved_model_and_refuses_one_of_other_data()
    {
        await TrainTiny();
        File.Delete(Path.Combine(Model, "metrics.csv"));
        Assert.Equal(0, await Lab("climbing", "evaluate", "--model", Model, "--cache", Path.Combine(_dir, "cache"), "--runs", Path.Combine(_dir, "mlruns")));
        Assert.True(File.Exists(Path.Combine(Model, "metrics.csv")));
        Assert.Contains("mean baseline", _out.ToString());
        var experiment = Directory.GetDirectories(Path.Combine(_dir, "mlruns")).Single(d => Path.GetFileName(d) != "0" && !d.EndsWith(".trash", StringComparison.Ordinal));
        Assert.Equal(2, Directory.GetDirectories(experiment).Length); // train and evaluate each recorded a run

        var data = Path.Combine(_dir, "data");
        CopyFolder(Path.Combine(Repo, "data", "climbing"), data);
        File.Delete(Directory.GetFiles(Path.Combine(data, "moonboard"), "*2020-40.json").Single());
        Assert.Equal(1, await Lab("climbing", "evaluate", "--model", Model, "--data", data, "--cache", Path.Combine(_dir, "cache"), "--runs", Path.Combine(_dir, "mlruns")));
        Assert.Contains("was trained on other data", _err.ToString());
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    [Fact]
    public async Task Wrong_predict_command_lines_exit_2_with_the_reason()
    {
        await TrainTiny();
        Assert.Equal(2, await Lab("climbing", "predict", "--model", Model, "E6:start", "Z99", "--board", "2016", "--angle", "40"));
        Assert.Contains("Board MOON2016 (MoonBoard 2016) has no hold 'Z99'", _err.ToString());
        Assert.Equal(2, await Lab("climbing", "predict", "--model", Model, "E6:start", "--board", "moon2030", "--angle", "40"));
        Assert.Contains("Unknown board 'moon2030'", _err.ToString());
        Assert.Equal(2, await Lab("climbing", "predict", "--model", Model));
        Assert.Contains("Give either --input FILE or holds", _err.ToString());
        Assert.Equal(2, await Lab("climbing", "predict", "--model", Model, "E6:start"));
        Assert.Contains("Typed holds need --board", _err.ToString());
        Assert.Equal(2, await Lab("climbing", "predict", "--model", Path.Combine(_dir, "nothing"), "E6", "--board", "2016", "--angle", "40"));
        Assert.Contains("does not exist", _err.ToString());
    }

    [Fact]
    public async Task Export_writes_an_onnx_file_that_onnx_runtime_loads_and_prints_its_inputs()
    {
        await TrainTiny();
        var file = Path.Combine(_dir, "exported", "grade.onnx");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        Assert.Equal(0, await Lab("climbing", "export", "--onnx", file, "--model", Model));
        Assert.Equal([file], Directory.GetFiles(Path.GetDirectoryName(file)!)); // no temporary file left
        var output = _out.ToString();
        Assert.Matches(@"input\s+│\s+ids\s+│\s+int64\s+│\s+\[batch, sequence\]", output);
        Assert.Matches(@"input\s+│\s+mask\s+│\s+bool\s+│\s+\[batch, sequence\]", output);
        Assert.Matches(@"output\s+│\s+difficulty\s+│\s+float\s+│\s+\[batch\]", output);
        Assert.Contains($"Wrote {file} (ONNX opset 17)", output);
        using var session = new Microsoft.ML.OnnxRuntime.InferenceSession(file);
        Assert.Equal(["ids", "features", "mask"], session.InputMetadata.Keys);
        Assert.Equal(["difficulty"], session.OutputMetadata.Keys);

        Assert.Equal(2, await Lab("climbing", "export", "--onnx", file, "--model", Path.Combine(_dir, "none")));
        Assert.Contains(Path.Combine(_dir, "none"), _err.ToString());
    }
}
