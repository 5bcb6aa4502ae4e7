using Lib.Track.Model;
using TorchSharp;
using TorchSharp.Modules;

namespace Lib.Torch.Track;

/// <summary>
/// The TorchSharp twin of <see cref="EventHeads"/>: one small regression head per event as stacked weights gathered
/// per sample, with the engine's state-dict keys (<c>weight1</c>, <c>bias1</c>, <c>weight2</c>, <c>bias2</c> for
/// <see cref="HeadKind.Mlp32"/>, else <c>weight</c>, <c>bias</c> and <c>norm.*</c>; <c>shared_weight</c>,
/// <c>shared_bias</c> when shared). Initialised to zeros; weights come from the engine model through
/// <see cref="TorchState"/>.
/// </summary>
public sealed class EventHeadsTwin : torch.nn.Module
{
    private const int Hidden = 32;
    private readonly Parameter? _weight1,
        _bias1,
        _sharedWeight,
        _sharedBias;
    private readonly Parameter _weight,
        _bias;
    private readonly LayerNorm? _norm;

    /// <summary>Heads of <paramref name="kind"/> for <paramref name="events"/> events over inputs of
    /// <paramref name="inputSize"/>, as the engine's <see cref="EventHeads"/> constructor takes them.</summary>
    public EventHeadsTwin(HeadKind kind, int events, int inputSize, bool shared)
        : base(nameof(EventHeads))
    {
        static Parameter Zeros(params long[] shape) => new(torch.zeros(shape));
        if (kind == HeadKind.Mlp32)
        {
            _weight1 = Zeros(events, inputSize, Hidden);
            _bias1 = Zeros(events, Hidden);
            _weight = Zeros(events, Hidden);
            _bias = Zeros(events);
            register_parameter("weight1", _weight1);
            register_parameter("bias1", _bias1);
            register_parameter("weight2", _weight);
            register_parameter("bias2", _bias);
        }
        else
        {
            _weight = Zeros(events, inputSize);
            _bias = Zeros(events);
            register_parameter("weight", _weight);
            register_parameter("bias", _bias);
            if (kind == HeadKind.LayerNormLinear)
            {
                _norm = torch.nn.LayerNorm([inputSize]);
                register_module("norm", _norm);
            }
        }
        if (shared)
        {
            _sharedWeight = Zeros(kind == HeadKind.Mlp32 ? Hidden : inputSize);
            _sharedBias = Zeros(1);
            register_parameter("shared_weight", _sharedWeight);
            register_parameter("shared_bias", _sharedBias);
        }
    }

    /// <summary>Registers nothing by field name: every component is registered explicitly under the engine's
    /// key.</summary>
    protected override void RegisterComponents() { }

    /// <summary>Each sample through its event's head: x [N, D], events [N] (int64) → [N]; <paramref name="dropout"/>
    /// applies to the heads' input after the layer norm.</summary>
    public torch.Tensor forward(torch.Tensor x, torch.Tensor events, Dropout? dropout = null)
    {
        if (_norm is not null)
            x = _norm.call(x);
        if (dropout is not null)
            x = dropout.call(x);
        if (_weight1 is not null)
        {
            var w1 = _weight1.index_select(0, events); // [N, D, 32]
            var h = (x.unsqueeze(2) * w1).sum(1) + _bias1!.index_select(0, events); // [N, 32]
            return Output(torch.nn.functional.relu(h), events);
        }
        return Output(x, events);
    }

    private torch.Tensor Output(torch.Tensor x, torch.Tensor events)
    {
        var weight = _weight.index_select(0, events); // [N, D']
        var bias = _bias.index_select(0, events); // [N]
        if (_sharedWeight is not null)
        {
            weight = weight + _sharedWeight;
            bias = bias + _sharedBias!;
        }
        return (x * weight).sum(1) + bias; // [N]
    }
}
