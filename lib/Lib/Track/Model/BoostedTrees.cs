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
    private readonly IReadOnlyList<ITransformer> _models;

    /// <summary>Trees already trained by <paramref name="ml"/> over rows of <paramref name="features"/>
    /// features.</summary>
    public BoostedTrees(MLContext ml, ITransformer model, int features)
        : this(ml, [model], features) { }

    /// <summary>Bagged trees (<paramref name="models"/>, each trained by <paramref name="ml"/> with its own seed over
    /// rows of <paramref name="features"/> features), whose forecasts are averaged.</summary>
    public BoostedTrees(MLContext ml, IReadOnlyList<ITransformer> models, int features)
    {
        _ml = ml ?? throw new ArgumentNullException(nameof(ml));
        ArgumentNullException.ThrowIfNull(models);
        if (models.Count == 0 || models.Any(m => m is null))
            throw new ArgumentException(
                "Boosted trees need at least one trained model and no null one.",
                nameof(models)
            );
        _models = models;
        ArgumentOutOfRangeException.ThrowIfLessThan(features, 1);
        Features = features;
    }

    /// <summary>Features per row.</summary>
    public int Features { get; }

    /// <summary>How many bagged models are averaged (1: one).</summary>
    public int Bags => _models.Count;

    /// <summary>The file of bag <paramref name="k"/> beside <paramref name="path"/> (the first is
    /// <paramref name="path"/> itself, the others <c>trees-k.zip</c>).</summary>
    public static string BagFile(string path, int k)
    {
        ArgumentNullException.ThrowIfNull(path);
        return k == 0 ? path : Path.Combine(Path.GetDirectoryName(path) ?? "",
            $"{Path.GetFileNameWithoutExtension(path)}-{k}{Path.GetExtension(path)}");
    }

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
        var view = View(_ml, rows, Features, null);
        var result = new double[rows.Count];
        foreach (var model in _models)
        {
            var i = 0;
            foreach (var score in model.Transform(view).GetColumn<float>("Score"))
                result[i++] += (double)score / _models.Count;
        }
        return result;
    }

    /// <summary>Writes the trees to <paramref name="path"/> (and bag k to <see cref="BagFile"/>; each a temporary
    /// file renamed into place).</summary>
    public void Save(string path, IDataView schemaOf)
    {
        ArgumentNullException.ThrowIfNull(schemaOf);
        for (var k = 0; k < _models.Count; k++)
        {
            var target = BagFile(path, k);
            var temporary = target + ".tmp";
            _ml.Model.Save(_models[k], schemaOf.Schema, temporary);
            File.Move(temporary, target, overwrite: true);
        }
    }

    /// <summary>Writes the trees to <paramref name="path"/>.</summary>
    public void Save(string path) => Save(path, View(_ml, [], Features, null));

    /// <summary>Reads trees written by <see cref="Save(string)"/> that read <paramref name="features"/> features per
    /// row, <paramref name="bags"/> bagged models of them.</summary>
    public static BoostedTrees Load(string path, int features, int bags = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bags, 1);
        var ml = new MLContext(seed: 0);
        var models = new List<ITransformer>();
        for (var k = 0; k < bags; k++)
        {
            var file = BagFile(path, k);
            if (!File.Exists(file))
                throw new FileNotFoundException($"The boosted trees {file} are missing.", file);
            ITransformer model;
            DataViewSchema schema;
            try
            {
                model = ml.Model.Load(file, out schema);
            }
            catch (Exception e) when (e is InvalidOperationException or FormatException or InvalidDataException)
            {
                throw new InvalidDataException($"{file} is not an ML.NET model zip: {e.Message}", e);
            }
            var column = schema.GetColumnOrNull(nameof(Row.Features));
            var size = column?.Type is VectorDataViewType vector ? vector.Size : -1;
            if (size != features)
                throw new InvalidDataException(
                    $"{file} reads {size} features per row; the card's feature list has {features}."
                );
            models.Add(model);
        }
        return new BoostedTrees(ml, models, features);
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
