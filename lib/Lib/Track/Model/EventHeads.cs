using Lib.Tensors;
using Lib.Tensors.NN;

namespace Lib.Track.Model;

/// <summary>
/// One small regression head per event, stored as stacked weights and gathered per sample (the same parameters as E
/// separate layers, with no loop over events): x [N, D] and each sample's event [N] → [N]. The output layer starts at
/// zero, so an untrained model predicts its residual base exactly.
/// </summary>
public sealed class EventHeads : Module
{
    private const int Hidden = 32;
    private readonly Tensor? _weight1,
        _bias1;
    private readonly Tensor _weight,
        _bias;
    private readonly Tensor? _sharedWeight,
        _sharedBias;
    private readonly LayerNorm? _norm;

    /// <summary>Heads of <paramref name="kind"/> for <paramref name="events"/> events over inputs of
    /// <paramref name="inputSize"/>.</summary>
    public EventHeads(HeadKind kind, int events, int inputSize, Generator generator, bool shared = false)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(events, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(inputSize, 1);
        ArgumentNullException.ThrowIfNull(generator);
        Kind = kind;
        Events = events;
        InputSize = inputSize;
        if (kind == HeadKind.Mlp32)
        {
            float bound = 1f / MathF.Sqrt(inputSize); // nn.Linear's U(-1/√fan_in, 1/√fan_in)
            _weight1 = RegisterParameter(
                "weight1",
                Tensor.Uniform(generator, -bound, bound, events, inputSize, Hidden)
            );
            _bias1 = RegisterParameter("bias1", Tensor.Uniform(generator, -bound, bound, events, Hidden));
            _weight = RegisterParameter("weight2", Tensor.Zeros(events, Hidden));
            _bias = RegisterParameter("bias2", Tensor.Zeros(events));
        }
        else
        {
            _weight = RegisterParameter("weight", Tensor.Zeros(events, inputSize));
            _bias = RegisterParameter("bias", Tensor.Zeros(events));
            if (kind == HeadKind.LayerNormLinear)
                _norm = RegisterModule("norm", new LayerNorm(inputSize));
        }
        if (shared)
        {
            _sharedWeight = RegisterParameter(
                "shared_weight",
                Tensor.Zeros(kind == HeadKind.Mlp32 ? Hidden : inputSize)
            );
            _sharedBias = RegisterParameter("shared_bias", Tensor.Zeros(1));
        }
        Shared = shared;
    }

    /// <summary>The heads' shape.</summary>
    public HeadKind Kind { get; }

    /// <summary>Whether an output layer shared by every event is added to each event's own (the events' weights are
    /// then offsets from it).</summary>
    public bool Shared { get; }

    /// <summary>E, the number of heads.</summary>
    public int Events { get; }

    /// <summary>D, the input size.</summary>
    public int InputSize { get; }

    /// <summary>The layer norm on the heads' input (<see cref="HeadKind.LayerNormLinear"/>), or null.</summary>
    public LayerNorm? Norm => _norm;

    /// <summary>Each sample through its event's head: x [N, D], events [N] → [N]; <paramref name="dropout"/> applies to
    /// the heads' input (after the layer norm).</summary>
    public Tensor Forward(Tensor x, IndexTensor events, Dropout? dropout = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(events);
        if (x.Dim != 2 || x.Size(1) != InputSize)
            throw new ArgumentException(
                $"EventHeads: input must be [N, {InputSize}], got [{string.Join(", ", x.Shape)}].",
                nameof(x)
            );
        if (events.Dim != 1 || events.NumEl != x.Size(0))
            throw new ArgumentException(
                $"EventHeads: events must be [N={x.Size(0)}], got [{string.Join(", ", events.Shape)}].",
                nameof(events)
            );
        foreach (var e in events.Data)
            if ((uint)e >= (uint)Events)
                throw new ArgumentException(
                    $"EventHeads: event index {e} is outside the {Events} heads.",
                    nameof(events)
                );
        if (_norm is not null)
            x = _norm.Forward(x); // [N, D]
        if (dropout is not null)
            x = dropout.Forward(x);
        if (_weight1 is not null)
        {
            var w1 = _weight1.IndexSelect(0, events); // [N, D, 32]
            var h = x.Unsqueeze(2).Mul(w1).Sum(1).Add(_bias1!.IndexSelect(0, events)).Relu(); // [N, 32]
            return Output(h, events);
        }
        return Output(x, events);
    }

    /// <summary>The output layer: each event's weights (plus the shared ones) · x + bias → [N].</summary>
    private Tensor Output(Tensor x, IndexTensor events)
    {
        var weight = _weight.IndexSelect(0, events); // [N, D']
        var bias = _bias.IndexSelect(0, events); // [N]
        if (_sharedWeight is not null)
        {
            weight = weight.Add(_sharedWeight);
            bias = bias.Add(_sharedBias!);
        }
        return x.Mul(weight).Sum(1).Add(bias); // [N]
    }

    /// <inheritdoc />
    protected override string ExtraRepr() =>
        $"{Kind}, events={Events}, in_features={InputSize}{(Shared ? ", shared=True" : "")}";
}
