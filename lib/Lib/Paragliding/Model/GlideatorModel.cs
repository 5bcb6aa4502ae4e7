using Lib.Paragliding.Dataset;
using Lib.Tensors;
using Lib.Tensors.Autograd;
using Lib.Workflow;

namespace Lib.Paragliding.Model;

/// <summary>
/// A trained XC-odds model: the <see cref="GlideatorNet"/> with its card (<see cref="GlideatorNetConfig"/>,
/// <see cref="GlideatorInputs"/>), saved and loaded as a <see cref="ModelFolder"/>. It encodes (site, date, weather)
/// as the dataset does and gives P(flight &gt; t_k) per threshold: raw (<see cref="PredictRaw"/>) or calibrated and
/// monotone (<see cref="Predict"/>).
/// </summary>
public sealed class GlideatorModel
{
    /// <summary>The format tag of the model folder.</summary>
    public const string Format = "lab.paragliding.glideator-dcn/1";

    private readonly Dictionary<string, int> _siteIndex;

    /// <summary>A model of <paramref name="network"/> described by <paramref name="card"/>.</summary>
    public GlideatorModel(GlideatorNet network, ModelCard<GlideatorNetConfig, GlideatorInputs> card)
    {
        Network = network ?? throw new ArgumentNullException(nameof(network));
        Card = card ?? throw new ArgumentNullException(nameof(card));
        _siteIndex = card.Inputs.Sites.Select((s, i) => (s.SiteId, i)).ToDictionary(p => p.SiteId, p => p.i);
    }

    /// <summary>The network.</summary>
    public GlideatorNet Network { get; }

    /// <summary>
    /// How <see cref="PredictRaw"/> runs the network on a batch (its logits [B, K], row-major): null runs
    /// <see cref="Network"/> on the engine (the default); <c>Lib.Torch</c> sets the TorchSharp twin's forward pass for
    /// <c>--device torch-cpu | cuda</c>. Either way the weights are this folder's.
    /// </summary>
    public Func<SiteDayBatch, float[]>? Runner { get; set; }

    /// <summary>The card.</summary>
    public ModelCard<GlideatorNetConfig, GlideatorInputs> Card { get; }

    /// <summary>Whether the model reads weather.</summary>
    public bool ReadsWeather => Card.Config.WeatherVariables > 0;

    /// <summary>Writes the folder.</summary>
    public void Save(string folder) => ModelFolder.Save(folder, Network, Card);

    /// <summary>Reads a folder written by <see cref="Save"/>.</summary>
    /// <exception cref="InvalidDataException">The card or weights do not read, or the date features differ from this
    /// code's.</exception>
    public static GlideatorModel Load(string folder)
    {
        var (card, network) = ModelFolder.Load<GlideatorNetConfig, GlideatorInputs, GlideatorNet>(folder, Format, c =>
        {
            if (!c.Inputs.DateFeatureNames.SequenceEqual(DateFeatures.Names))
                throw new ArgumentException(
                    $"the model reads date features [{string.Join(", ", c.Inputs.DateFeatureNames)}], this code "
                        + $"makes [{string.Join(", ", DateFeatures.Names)}]."
                );
            return new GlideatorNet(c.Config, new Generator(0));
        });
        return new GlideatorModel(network, card);
    }

    /// <summary>The site id's embedding row.</summary>
    /// <exception cref="KeyNotFoundException">The model was not trained on the site.</exception>
    public int SiteIndex(string siteId) =>
        _siteIndex.TryGetValue(siteId, out int i)
            ? i
            : throw new KeyNotFoundException(
                $"The model was not trained on site '{siteId}'; it knows {Card.Inputs.Sites.Count} sites "
                    + $"({Card.Inputs.Sites[0].SiteId} … {Card.Inputs.Sites[^1].SiteId})."
            );

    /// <summary>A sample for (site, date) with raw weather [3 × W] (unscaled; null without weather); labels
    /// 0.</summary>
    public SiteDay Encode(string siteId, DateOnly date, float[]? weather = null)
    {
        int index = SiteIndex(siteId);
        int w = Card.Config.WeatherVariables;
        if (w > 0 && (weather is null || weather.Length != 3 * w))
            throw new ArgumentException(
                $"The model reads {w} weather variables at 09, 12 and 15 h ({3 * w} values) for {siteId} "
                    + $"{date:yyyy-MM-dd}; "
                    + $"got {weather?.Length ?? 0}."
            );
        return new SiteDay(
            siteId,
            index,
            date,
            Card.Inputs.SiteFeatures[index],
            DateFeatures.Of(date),
            w > 0 ? SiteDaySet.ScaleWeather(Card.Inputs.WeatherScaler, weather!) : [],
            new float[Card.Config.NumTargets],
            0
        );
    }

    /// <summary>The network's probabilities [N][K] (evaluation mode, no gradients).</summary>
    public double[][] PredictRaw(IReadOnlyList<SiteDay> samples, int batchSize = 1024)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var result = new double[samples.Count][];
        bool training = Network.Training;
        Network.Eval();
        try
        {
            using var _ = GradMode.NoGrad();
            for (int start = 0; start < samples.Count; start += batchSize)
            {
                var part = samples.Skip(start).Take(batchSize).ToList();
                using var scope = DisposeScope.Enter();
                var batch = SiteDayBatch.Collate(part);
                var logits = Runner is { } runner
                    ? Tensor.FromArray(runner(batch), part.Count, Card.Config.NumTargets)
                    : Network.Forward(batch);
                var p = logits.Sigmoid(); // [B, K]
                int k = p.Shape[1];
                for (int i = 0; i < part.Count; i++)
                    result[start + i] = [.. p.Data.Slice(i * k, k).ToArray().Select(v => (double)v)];
            }
        }
        finally
        {
            Network.Train(training);
        }
        return result;
    }

    /// <summary>Calibrated, monotone probabilities [N][K] (raw ones when the card has no calibration yet).</summary>
    public double[][] Predict(IReadOnlyList<SiteDay> samples)
    {
        var raw = PredictRaw(samples);
        return Card.Inputs.Calibration?.Apply(raw) ?? raw;
    }
}
