using Microsoft.ML;
using Microsoft.ML.Data;

namespace Lib.Track.Model;

/// <summary>
/// Gradient-boosted regression trees (ML.NET's FastTree, issue 19) over a window's hand-made features
/// (<see cref="Dataset.WindowFeatures"/>), forecasting the target peak's gain over the last peak (a signed log
/// ratio). Saved beside the network as <see cref="FileName"/>, ML.NET's own zip of the trained pipeline; the card's
/// <see cref="TrackInputs.Trees"/> says how its forecasts mix with the network's.
/// </summary>
public sealed class BoostedTrees
{
    /// <summary>The file in the model folder.</summary>
    public const string FileName = "trees.zip";

    private readonly MLContext _ml;
    private readonly ITransformer _model;

    /// <summary>Trees already trained by <paramref name="ml"/> over rows of <paramref name="features"/>
    /// features.</summary>
    public BoostedTrees(MLContext ml, ITransformer model, int features)
    {
        _ml = ml ?? throw new ArgumentNullException(nameof(ml));
        _model = model ?? throw new ArgumentNullException(nameof(model));
        ArgumentOutOfRangeException.ThrowIfLessThan(features, 1);
        Features = features;
    }

    /// <summary>Features per row.</summary>
    public int Features { get; }

    /// <summary>The rows as an ML.NET data view (the label 0 when <paramref name="labels"/> is null).</summary>
    public static IDataView View(MLContext ml, IReadOnlyList<float[]> rows, int features, IReadOnlyList<float>? labels)
    {
        ArgumentNullException.ThrowIfNull(ml);
        ArgumentNullException.ThrowIfNull(rows);
        for (var i = 0; i < rows.Count; i++)
            if (rows[i].Length != features)
                throw new ArgumentException($"Row {i} has {rows[i].Length} features; the trees read {features}.");
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, features);
        return ml.Data.LoadFromEnumerable(
            rows.Select((r, i) => new Row { Features = r, Label = labels?[i] ?? 0 }).ToList(),
            schema
        );
    }

    /// <summary>The forecast gain of each row.</summary>
    public double[] Predict(IReadOnlyList<float[]> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
            return [];
        var scored = _model.Transform(View(_ml, rows, Features, null));
        return [.. scored.GetColumn<float>("Score").Select(s => (double)s)];
    }

    /// <summary>Writes the trees to <paramref name="path"/> (a temporary file renamed into place).</summary>
    public void Save(string path, IDataView schemaOf)
    {
        ArgumentNullException.ThrowIfNull(schemaOf);
        var temporary = path + ".tmp";
        _ml.Model.Save(_model, schemaOf.Schema, temporary);
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Writes the trees to <paramref name="path"/>.</summary>
    public void Save(string path) => Save(path, View(_ml, [], Features, null));

    /// <summary>Reads trees written by <see cref="Save(string)"/> that read <paramref name="features"/> features per
    /// row.</summary>
    public static BoostedTrees Load(string path, int features)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"The boosted trees {path} are missing.", path);
        var ml = new MLContext(seed: 0);
        ITransformer model;
        DataViewSchema schema;
        try
        {
            model = ml.Model.Load(path, out schema);
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or InvalidDataException)
        {
            throw new InvalidDataException($"{path} is not an ML.NET model zip: {e.Message}", e);
        }
        var column = schema.GetColumnOrNull(nameof(Row.Features));
        var size = column?.Type is VectorDataViewType vector ? vector.Size : -1;
        if (size != features)
            throw new InvalidDataException(
                $"{path} reads {size} features per row; the card's feature list has {features}."
            );
        return new BoostedTrees(ml, model, features);
    }

    /// <summary>One row of the trees' data view.</summary>
    public sealed class Row
    {
        /// <summary>The features.</summary>
        public float[] Features { get; set; } = [];

        /// <summary>The gain to learn.</summary>
        public float Label { get; set; }
    }
}
