using System.Globalization;
using Lib.Tuning;

namespace Lib.Track.Train;

/// <summary>
/// The track trainer's tunable settings as a <see cref="SearchSpace"/>: the default space, the parameter names a space
/// may use, and how a trial's values become <see cref="TrackTrainOptions"/>.
/// </summary>
public static class TrackSearchSpace
{
    /// <summary>AdamW's learning rate (<see cref="TrackTrainOptions.LearningRate"/>).</summary>
    public const string LearningRate = "learning_rate";

    /// <summary>AdamW's weight decay (<see cref="TrackTrainOptions.WeightDecay"/>).</summary>
    public const string WeightDecay = "weight_decay";

    /// <summary>Dropout on the heads' input (<see cref="Model.TrackModelConfig.Dropout"/>).</summary>
    public const string Dropout = "dropout";

    /// <summary>Both LSTMs' hidden size (the season and the across-season LSTM alike).</summary>
    public const string Hidden = "hidden";

    /// <summary>The season LSTM's hidden size alone.</summary>
    public const string SeasonHidden = "season_hidden";

    /// <summary>The across-season LSTM's hidden size alone.</summary>
    public const string AcrossHidden = "across_hidden";

    /// <summary>Windows per batch.</summary>
    public const string BatchSize = "batch_size";

    /// <summary>The parameter names a track search space may use.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [LearningRate, WeightDecay, Dropout, Hidden, SeasonHidden, AcrossHidden, BatchSize];

    /// <summary>
    /// The default space, small enough for a few dozen trials: learning rate log-uniform on [3e-4, 1e-2], both LSTMs'
    /// hidden size one of 16, 32, 64, dropout uniform on [0, 0.4], weight decay log-uniform on [1e-4, 1e-1].
    /// </summary>
    public static SearchSpace Default() =>
        new SearchSpace()
            .LogUniform(LearningRate, 3e-4, 1e-2)
            .Choice(Hidden, 16, 32, 64)
            .Uniform(Dropout, 0, 0.4)
            .LogUniform(WeightDecay, 1e-4, 1e-1);

    /// <summary>Throws when <paramref name="space"/> names a parameter the track trainer does not have, or sets the
    /// hidden sizes twice.</summary>
    /// <exception cref="ArgumentException">The message names the parameter and lists the known ones.</exception>
    public static SearchSpace Check(SearchSpace space)
    {
        ArgumentNullException.ThrowIfNull(space);
        if (space.Parameters.Count == 0)
            throw new ArgumentException("The track search space has no parameters.");
        foreach (var p in space.Parameters)
            if (!Names.Contains(p.Name))
                throw new ArgumentException(
                    $"The track trainer has no tunable setting '{p.Name}' (it has: {string.Join(", ", Names)})."
                );
        var names = space.Parameters.Select(p => p.Name).ToList();
        if (names.Contains(Hidden) && (names.Contains(SeasonHidden) || names.Contains(AcrossHidden)))
            throw new ArgumentException(
                $"The track search space sets '{Hidden}' (both LSTMs) and '{SeasonHidden}' or '{AcrossHidden}' too."
            );
        return space;
    }

    /// <summary><paramref name="options"/> with the trial's values in place of the settings they name.</summary>
    /// <exception cref="ArgumentException">A parameter is unknown, or a value does not fit its setting.</exception>
    public static TrackTrainOptions Apply(TrackTrainOptions options, TrialParameters trial)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(trial);
        var model = options.Model;
        foreach (var (name, _) in trial.Values)
        {
            options = name switch
            {
                LearningRate => options with { LearningRate = trial.Get<double>(name) },
                WeightDecay => options with { WeightDecay = trial.Get<double>(name) },
                BatchSize => options with { BatchSize = trial.Get<int>(name) },
                _ => options,
            };
            model = name switch
            {
                Dropout => model with { Dropout = (float)trial.Get<double>(name) },
                Hidden => model with { SeasonHidden = trial.Get<int>(name), AcrossHidden = trial.Get<int>(name) },
                SeasonHidden => model with { SeasonHidden = trial.Get<int>(name) },
                AcrossHidden => model with { AcrossHidden = trial.Get<int>(name) },
                LearningRate or WeightDecay or BatchSize => model,
                _ => throw new ArgumentException(
                    $"The track trainer has no tunable setting '{name}' (it has: {string.Join(", ", Names)})."
                ),
            };
        }
        if (options.BatchSize < 1)
            throw new ArgumentException(
                $"Trial {trial.Key}: batch_size must be at least 1, got "
                    + $"{options.BatchSize.ToString(CultureInfo.InvariantCulture)}."
            );
        try
        {
            model.Validate();
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"Trial {trial.Key}: {e.Message}", e);
        }
        return options with { Model = model };
    }
}
