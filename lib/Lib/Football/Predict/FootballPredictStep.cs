using System.Globalization;
using System.Text;
using Lib.Football.Cache;
using Lib.Football.Dataset;
using Lib.Football.Domain;
using Lib.Football.Ingest;
using Lib.Football.Model;
using Lib.Storage;
using Lib.Tensors.IO;

namespace Lib.Football.Predict;

/// <summary>
/// Forecasts every player's path after each cut of a tracking file with a trained model and writes
/// <c>game_id,play_id,cut_frame,nfl_id,step,x,y</c> (a mixture model adds <c>mode,weight</c> and writes every mode)
/// for every player (not the ball) seen in the observed frames, steps 1 … horizon, in the input's own coordinates
/// (the normalisation to one attacking direction undone); <c>--coverage-out</c> writes
/// <c>game_id,play_id,p_tight_window</c> (the play's last cut). Files are written to a temporary file, then renamed.
/// </summary>
public static class FootballPredictStep
{
    /// <summary>What a run wrote.</summary>
    public sealed record Outcome(int Cuts, int Rows, int Modes, int Horizon, string Output, string? CoverageOutput);

    /// <summary>Runs <paramref name="request"/>.</summary>
    /// <exception cref="InvalidDataException">A cut names a play not in the input, or a frame the observed window
    /// does not fit (the cuts file's line is named).</exception>
    /// <param name="request">What to forecast and where to write it.</param>
    /// <param name="prepare">Runs on the model once it is loaded (e.g. to run it on a TorchSharp device).</param>
    public static Outcome Run(FootballPredictRequest request, Action<FootballModel>? prepare = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        foreach (var path in new[] { request.Input, request.Cuts })
            if (!File.Exists(path))
                throw new FileNotFoundException($"No such file: {path}.", path);
        var model = FootballModel.Load(request.ModelFolder);
        prepare?.Invoke(model);
        int observed = model.Card.Inputs.Observed,
            modelHorizon = model.Card.Inputs.Horizon;
        int horizon = request.Horizon ?? modelHorizon;
        if (horizon < 1 || horizon > modelHorizon)
            throw new ArgumentOutOfRangeException(
                nameof(request),
                $"--horizon must be 1 … {modelHorizon} (the model forecasts {modelHorizon} steps), got {horizon}."
            );
        var plays = request.Plays
            ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(request.Input)) ?? ".", "plays.csv");
        if (!File.Exists(plays))
            throw new FileNotFoundException(
                $"No plays file at {plays}: the play direction and possession come from it (--plays FILE).",
                plays
            );
        var sources = new FootballSources([Path.GetFullPath(request.Input)], Path.GetFullPath(plays), [], []);
        var cached = CachedTracking.Load(
            FootballCacheStep.Tracking(new DerivedCache(request.CacheRoot), sources, null, validate: false)
        );
        var tracks = TrackBuilder.Read(cached.TablePath, cached.Plays);
        var samples = ReadCuts(request.Cuts, tracks, observed, modelHorizon);

        var rows = new StringBuilder();
        bool mixture = model.Network.Config.Probabilistic;
        rows.Append("game_id,play_id,cut_frame,nfl_id,step,x,y").Append(mixture ? ",mode,weight\n" : "\n");
        var coverage = new Dictionary<PlayKey, double>();
        int written = 0;
        foreach (var chunk in samples.Chunk(64))
        {
            var batch = TrajectoryFeatures.Of(FootballBatch.Collate(chunk));
            var forecast = model.Forecast(batch);
            for (int i = 0; i < batch.Nodes.Count; i++)
            {
                var node = batch.Nodes[i];
                if (node.IsBall)
                    continue;
                var scene = batch.Scenes[node.Scene];
                double x0 = batch.Positions.Data[i * 2],
                    y0 = batch.Positions.Data[i * 2 + 1];
                for (int k = 0; k < forecast.Modes; k++)
                for (int s = 0; s < horizon; s++)
                {
                    var (dx, dy) = forecast.At(i, k, s);
                    var (x, y) = AttackingDirection.FromAttacking(x0 + dx, y0 + dy, scene.Flipped);
                    rows.Append(CultureInfo.InvariantCulture, $"{scene.GameId},{scene.PlayId},{scene.CutFrame},")
                        .Append(CultureInfo.InvariantCulture, $"{node.NflId},{s + 1},{x:F2},{y:F2}");
                    if (mixture)
                        rows.Append(CultureInfo.InvariantCulture, $",{k},{forecast.Weight(i, k):F4}");
                    rows.Append('\n');
                    written++;
                }
            }
            for (int b = 0; b < chunk.Length; b++)
                coverage[chunk[b].Play] = forecast.Coverage![b]; // cuts in file order: the play's last cut wins
        }
        AtomicFile.WriteAllText(request.Output, rows.ToString());
        if (request.CoverageOutput is { } coveragePath)
        {
            var text = new StringBuilder("game_id,play_id,p_tight_window\n");
            foreach (var (play, p) in coverage.OrderBy(kv => kv.Key))
                text.Append(CultureInfo.InvariantCulture, $"{play.GameId},{play.PlayId},{p:F4}\n");
            AtomicFile.WriteAllText(coveragePath, text.ToString());
        }
        return new Outcome(
            samples.Count,
            written,
            mixture ? model.Network.Config.Modes : 1,
            horizon,
            request.Output,
            request.CoverageOutput
        );
    }

    /// <summary>The samples of a cuts file (<c>game_id,play_id,cut_frame</c>), each error naming its line.</summary>
    public static List<TrajectorySample> ReadCuts(
        string path,
        IReadOnlyDictionary<PlayKey, PlayTracks> tracks,
        int observed,
        int horizon
    )
    {
        var samples = new List<TrajectorySample>();
        foreach (var row in CsvFile.ReadTable(path, "game_id", "play_id", "cut_frame"))
        {
            string Where() => $"{path}: line {row.Line}";
            if (
                !long.TryParse(row["game_id"], CultureInfo.InvariantCulture, out long game)
                || !int.TryParse(row["play_id"], CultureInfo.InvariantCulture, out int play)
                || !int.TryParse(row["cut_frame"], CultureInfo.InvariantCulture, out int cut)
            )
                throw new InvalidDataException(
                    $"{Where()}: expected integers game_id, play_id, cut_frame; got '{row["game_id"]}', "
                        + $"'{row["play_id"]}', '{row["cut_frame"]}'."
                );
            var key = new PlayKey(game, play);
            if (!tracks.TryGetValue(key, out var t))
                throw new InvalidDataException($"{Where()}: play {key} is not in the tracking file.");
            if (cut - observed + 1 < t.FirstFrame || cut > t.LastFrame)
                throw new InvalidDataException(
                    $"{Where()}: cut_frame {cut} needs frames {cut - observed + 1} … {cut}, but play {key} is "
                        + $"tracked at frames {t.FirstFrame} … {t.LastFrame}."
                );
            var nodes = new List<int>();
            for (int e = 0; e < t.Entities.Count; e++)
            for (int f = cut - observed + 1; f <= cut; f++)
                if (t.Present[t.At(e, f)])
                {
                    nodes.Add(e);
                    break;
                }
            if (!nodes.Any(e => !t.Entities[e].IsBall))
                throw new InvalidDataException(
                    $"{Where()}: no player of play {key} is tracked at frames before {cut}."
                );
            samples.Add(new TrajectorySample(t, cut, nodes, observed, horizon, DataSplit.Test, null));
        }
        return samples;
    }
}
