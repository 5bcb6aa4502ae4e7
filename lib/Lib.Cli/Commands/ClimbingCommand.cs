using System.CommandLine;
using System.Globalization;
using Lib.Climbing.Cache;
using Lib.Climbing.Dataset;
using Lib.Climbing.Evaluate;
using Lib.Climbing.Ingest;
using Lib.Climbing.Predict;
using Lib.Climbing.Train;
using Lib.Display;
using Lib.Tracking;
using Spectre.Console;

namespace Lib.Cli.Commands;

/// <summary>
/// <c>lab climbing ingest|train|predict</c>: MoonBoard and Kilter routes → one route table → a Transformer
/// grade predictor (evaluated against two baselines) → grades for new routes.
/// </summary>
internal static class ClimbingCommand
{
    public static Command Create(CliContext context)
    {
        var data = new Option<string?>("--data") { Description = "The climbing data folder (moonboard/, kilter/, tension/). Default: data/climbing.", HelpName = "dir" };
        return new Command("climbing", "Climbing boards (MoonBoard, Kilter, Tension): ingest routes, train a Transformer grade predictor, grade new routes.")
        {
            Ingest(context, data), Train(context, data), Predict(context),
        };
    }

    private static string DataFolder(CliContext context, string? given) => given ?? Path.Combine(context.Root, "data", "climbing");

    private static Command Ingest(CliContext context, Option<string?> data)
    {
        var output = new Option<string?>("--out", "-o") { Description = "Where to write routes.parquet, holds.parquet, routes.json, files.csv and rejected.csv. Default: artifacts/climbing/routes.", HelpName = "dir" };
        var command = new Command("ingest", "Parse MoonBoard problems, Kilter sync pages and tables and the Tension catalog into one route table; report every record left out.") { data, output };
        command.SetAction(parse =>
        {
            var result = ClimbingIngest.Run(ClimbingSources.FromFolder(DataFolder(context, parse.GetValue(data))));
            var outDir = parse.GetValue(output) ?? Path.Combine(context.Artifacts, "climbing", "routes");
            Directory.CreateDirectory(outDir);
            var table = RouteTable.From(result);
            table.Save(Path.Combine(outDir, "routes.json"));
            table.WriteParquet(Path.Combine(outDir, "routes.parquet"), Path.Combine(outDir, "holds.parquet"));
            RouteTable.WriteAccount(result.Files, Path.Combine(outDir, "files.csv"));
            RouteTable.WriteRejected(result.Rejected, Path.Combine(outDir, "rejected.csv"));

            var files = new Spectre.Console.Table().AddColumns("file", "kind", "records", "parsed", "reported", "routes");
            foreach (var f in result.Files) files.AddRow(Markup.Escape(f.File), Markup.Escape(f.Kind), N(f.Records), N(f.Parsed), N(f.Rejected.Count), N(f.Routes.Count));
            context.Console.Write(files);
            var reasons = result.Rejected.GroupBy(r => (r.File, Reason: Kind(r.Reason))).OrderByDescending(g => g.Count());
            foreach (var g in reasons.Take(12)) context.Error.WriteLine($"reported: {g.Count()} × {g.Key.File}: {g.Key.Reason} (e.g. {g.First().Record}: {g.First().Reason})");
            var boards = result.Graded.GroupBy(r => r.Board).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}");
            context.Console.WriteLine($"{result.Routes.Count} routes ({result.Graded.Count} graded: {string.Join(", ", boards)}); {result.Rejected.Count} records reported.");
            context.Console.WriteLine($"Wrote {outDir}: routes.parquet, holds.parquet, routes.json, files.csv, rejected.csv.");
            return 0;
        });
        return command;
    }

    private static Command Train(CliContext context, Option<string?> data)
    {
        var output = new Option<string?>("--out", "-o") { Description = "The model folder to write (model.safetensors, model.json, metrics, predictions). Default: artifacts/climbing/model.", HelpName = "dir" };
        var epochs = new Option<int>("--epochs") { Description = "Epochs at most (early stopping on the validation MAE may end sooner).", DefaultValueFactory = _ => 30 };
        var dModel = new Option<int>("--d-model") { Description = "The model width.", DefaultValueFactory = _ => 128 };
        var layers = new Option<int>("--layers") { Description = "Encoder layers.", DefaultValueFactory = _ => 4 };
        var heads = new Option<int>("--heads") { Description = "Attention heads.", DefaultValueFactory = _ => 4 };
        var ff = new Option<int>("--ff") { Description = "The feed-forward width.", DefaultValueFactory = _ => 256 };
        var lr = new Option<double>("--lr") { Description = "The peak learning rate.", DefaultValueFactory = _ => 5e-4 };
        var seed = new Option<long>("--seed") { Description = "Seeds the weights, dropout and batch order.", DefaultValueFactory = _ => 0 };
        var maxTrain = new Option<int?>("--max-train-routes") { Description = "Train on at most this many routes (a quick run).", HelpName = "n" };
        var cache = new Option<string?>("--cache") { Description = "The derived-data cache. Default: artifacts/cache.", HelpName = "dir" };
        var runs = new Option<string?>("--runs") { Description = "The tracking store the run is recorded in. Default: artifacts/mlruns.", HelpName = "dir" };
        var command = new Command("train", "Train the Transformer grade predictor, then evaluate it and both baselines on the test split.")
        {
            data, output, epochs, dModel, layers, heads, ff, lr, seed, maxTrain, cache, runs,
        };
        command.SetAction(parse =>
        {
            var options = new TrainOptions
            {
                Epochs = parse.GetValue(epochs), DModel = parse.GetValue(dModel), NumLayers = parse.GetValue(layers), NHead = parse.GetValue(heads),
                DimFeedforward = parse.GetValue(ff), LearningRate = parse.GetValue(lr), Seed = parse.GetValue(seed), MaxTrainRoutes = parse.GetValue(maxTrain),
            };
            if (options.Epochs < 1) throw new ArgumentException($"--epochs must be at least 1, got {options.Epochs}.");
            if (options.DModel % options.NHead != 0) throw new ArgumentException($"--d-model {options.DModel} must be a multiple of --heads {options.NHead}.");
            var outDir = parse.GetValue(output) ?? Path.Combine(context.Artifacts, "climbing", "model");
            var prepared = ClimbingData.Prepare(DataFolder(context, parse.GetValue(data)), parse.GetValue(cache) ?? Path.Combine(context.Artifacts, "cache"));
            context.Error.WriteLine($"{prepared.Split(SplitName.Train).Count} train, {prepared.Split(SplitName.Val).Count} val, {prepared.Split(SplitName.Test).Count} test routes; vocabulary {prepared.Tokens.Vocabulary.Count} tokens.");
            var result = GradeModelTrainer.Train(prepared, options, outDir, new TrainingProgressReporter(context.Progress, "training"));
            var evaluation = SplitEvaluation.Run(prepared, result.Model);
            SplitEvaluation.Write(evaluation, outDir);
            var run = TrainingRunLog.Log(new TrackingStore(parse.GetValue(runs) ?? Path.Combine(context.Artifacts, "mlruns")), options, result.Model, result.History, evaluation);

            var table = new Spectre.Console.Table().AddColumns("group", "predictor", "routes", "MAE", "RMSE", "R²", "±1", "±2", "V exact", "V ±1");
            foreach (var m in evaluation.Metrics.Where(m => m.Scope != "board+angle"))
                table.AddRow(m.Group, Markup.Escape(m.Predictor), N(m.Count), F(m.Mae), F(m.Rmse), F(m.R2), P(m.Within1), P(m.Within2), P(m.VExact), P(m.VWithin1));
            context.Console.Write(table);
            var t = result.Model.Card.Training!;
            context.Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Trained {t.Parameters:N0} parameters in {t.Seconds:F0} s: {t.EpochsRun} of {t.MaxEpochs} epochs, best epoch {t.BestEpoch + 1} (val MAE {t.BestValMae:F3})."));
            context.Console.WriteLine($"Wrote {outDir}: model.safetensors, model.json, metrics.json, metrics.csv, predictions.csv (run {run.RunId[..8]} in lab runs).");
            return 0;
        });
        return command;
    }

    private static Command Predict(CliContext context)
    {
        var model = new Option<string>("--model", "-m") { Description = "A model folder written by 'lab climbing train'.", HelpName = "dir", Required = true };
        var input = new Option<string?>("--input", "-i") { Description = "Routes to grade: MoonBoard problem JSON or Kilter climbs (a sync page or an array of climbs).", HelpName = "file" };
        var output = new Option<string?>("--out", "-o") { Description = "Write the predictions to this CSV file.", HelpName = "file.csv" };
        var holds = new Argument<string[]>("holds") { Description = "A route typed as holds instead of --input: E6:start C5:start F11 K18:end (roles start, middle, finish/end, foot).", Arity = ArgumentArity.ZeroOrMore };
        var board = new Option<string?>("--board", "-b") { Description = "The board of typed holds: 2016, 2017, 2019, mini2020, kilter, or a key such as MOON2016.", HelpName = "board" };
        var angle = new Option<int?>("--angle", "-a") { Description = "The wall angle of typed holds, in degrees.", HelpName = "degrees" };
        var command = new Command("predict", "Grade routes with a trained model: from a file (--input) or typed as holds.") { model, input, output, holds, board, angle };
        command.SetAction(parse =>
        {
            var typed = parse.GetValue(holds) ?? [];
            var file = parse.GetValue(input);
            if (file is null == (typed.Length == 0)) throw new ArgumentException("Give either --input FILE or holds such as 'E6:start C5:start F11 K18:end --board 2016 --angle 40', not both or neither.");
            var predictor = GradePredictor.Load(parse.GetValue(model)!);
            IReadOnlyList<Route> routes;
            IReadOnlyList<RejectedRecord> refused = [];
            if (file is not null)
            {
                var read = predictor.Read(file);
                (routes, refused) = (read.Routes, read.Rejected);
                context.Error.WriteLine($"{file}: {read.Format}, {read.Routes.Count} routes to grade, {read.Rejected.Count} records refused.");
            }
            else
            {
                if (parse.GetValue(board) is not { } b || parse.GetValue(angle) is not int a)
                    throw new ArgumentException("Typed holds need --board (e.g. 2016) and --angle (e.g. 40).");
                routes = [predictor.ParseHolds(string.Join(' ', typed), b, a)];
            }
            var predictions = predictor.Predict(routes);
            var table = new Spectre.Console.Table().AddColumns("route_id", "name", "board", "angle", "predicted", "V grade", "grade", "known");
            foreach (var p in predictions.Take(50))
                table.AddRow(Markup.Escape(p.RouteId), Markup.Escape(p.Name.Length > 40 ? p.Name[..40] + "…" : p.Name), p.Board, N(p.Angle), F(p.PredictedDifficulty), p.PredictedVGrade, Markup.Escape(p.PredictedGrade),
                    p.Difficulty is double d ? F(d) : "");
            context.Console.Write(table);
            if (predictions.Count > 50) context.Console.WriteLine($"… {predictions.Count - 50} more.");
            foreach (var r in refused.Take(20)) context.Error.WriteLine($"refused: {r}");
            if (refused.Count > 20) context.Error.WriteLine($"refused: … {refused.Count - 20} more.");
            if (parse.GetValue(output) is { } csv)
            {
                GradePredictor.WriteCsv(predictions, csv);
                context.Console.WriteLine($"Wrote {predictions.Count} predictions to {csv}.");
            }
            return refused.Count == 0 ? 0 : 1;
        });
        return command;
    }

    /// <summary>A reason with its ids and numbers blanked, so like reasons group: "climb # is not on the climbs page …".</summary>
    private static string Kind(string reason) =>
        System.Text.RegularExpressions.Regex.Replace(reason, @"\b[0-9A-Fa-f]{32}\b|\b\d+(\.\d+)?\b|'[^']*'", "#");

    private static string N(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string F(double v) => double.IsNaN(v) ? "" : v.ToString("0.00", CultureInfo.InvariantCulture);

    private static string P(double v) => double.IsNaN(v) ? "" : v.ToString("0%", CultureInfo.InvariantCulture);
}
