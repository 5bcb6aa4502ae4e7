using Lib.Climbing.Ingest;

namespace Lib.Climbing.Model;

/// <summary>
/// The JSON sidecar of a model folder (<c>model.json</c> beside <c>model.safetensors</c>): everything that
/// rebuilds the model and turns a route into its input, so prediction needs no other file — the
/// arguments, the feature names, the vocabulary, the boards it knows with every hold's coordinates,
/// the grade table, the target's standardisation, and how it was trained.
/// </summary>
public sealed record ModelCard
{
    /// <summary>The format tag this code reads.</summary>
    public const string CurrentFormat = "lab.climbing.grade-transformer/1";

    /// <summary>The format tag.</summary>
    public string Format { get; init; } = CurrentFormat;

    /// <summary>The model's arguments.</summary>
    public required GradeTransformerConfig Config { get; init; }

    /// <summary>The token features in order (must match the tokenizer's).</summary>
    public required IReadOnlyList<string> FeatureNames { get; init; }

    /// <summary>The vocabulary, by id.</summary>
    public required IReadOnlyList<string> Vocabulary { get; init; }

    /// <summary>The boards of the training routes, with their hold coordinates (the coordinate table).</summary>
    public required IReadOnlyList<Board> Boards { get; init; }

    /// <summary>The grade table.</summary>
    public required IReadOnlyList<GradeEntry> Grades { get; init; }

    /// <summary>The training targets' mean (difficulty = mean + std × output).</summary>
    public required double TargetMean { get; init; }

    /// <summary>The training targets' standard deviation.</summary>
    public required double TargetStd { get; init; }

    /// <summary>How it was trained.</summary>
    public TrainingSummary? Training { get; init; }
}
