using System.Globalization;
using System.Text;
using Lib.Tensors.Formatting;
using Lib.Tensors.Memory;

namespace Lib.Tensors;

/// <summary>
/// A dense float32 tensor: contiguous row-major storage with a shape (PyTorch's <c>torch.Tensor</c>).
/// </summary>
[TypeFormatterSource(typeof(TensorFormatterSource))]
public sealed partial class Tensor
{
    private float[]? _storage;
    internal readonly int[] _shape;

    /// <summary>The region (a <see cref="DisposeScope"/>) that frees this tensor's storage when it ends, or
    /// null.</summary>
    internal IStorageRegion? _scope;

    internal Tensor(float[] data, int[] shape)
    {
        long count = ShapeSize(shape);
        if (count != data.Length)
            throw new ArgumentException(
                $"Shape [{string.Join(", ", shape)}] holds {count} elements but {data.Length} were given."
            );
        _storage = data;
        _shape = (int[])shape.Clone();
        TensorStorage.Track(this, data);
    }

    /// <summary>The storage; throws once the tensor's <see cref="DisposeScope"/> has ended.</summary>
    internal float[] _data => _storage ?? throw Disposed();

    /// <summary>Whether the <see cref="DisposeScope"/> that made this tensor has ended (its storage is gone).</summary>
    public bool IsDisposed => _storage is null;

    /// <summary>Keeps this tensor when its <see cref="DisposeScope"/> ends: it (and its storage) becomes the enclosing
    /// scope's, or nobody's. Returns this tensor.</summary>
    public Tensor MoveToOuterDisposeScope()
    {
        _scope?.MoveOut(this, _data);
        return this;
    }

    /// <summary>Takes this tensor out of every <see cref="DisposeScope"/>, so it lives as long as it is referenced.
    /// Returns this tensor.</summary>
    public Tensor DetachFromDisposeScope()
    {
        _scope?.Detach(this, _data);
        return this;
    }

    internal void DisposeStorage()
    {
        _storage = null;
        _scope = null;
        Grad = null;
    }

    private ObjectDisposedException Disposed() =>
        new(
            nameof(Tensor),
            $"This tensor of shape {ShapeText(_shape)} was made inside a DisposeScope that has ended, which "
                + "freed its storage. "
                + "Keep results you need past the scope with MoveToOuterDisposeScope() or "
                + "DetachFromDisposeScope() (or copy them out with ToArray()/Item()) before it ends."
        );

    /// <summary>The size of each dimension.</summary>
    public IReadOnlyList<int> Shape => _shape;

    /// <summary>The number of dimensions.</summary>
    public int Dim => _shape.Length;

    /// <summary>The size of dimension <paramref name="dim"/> (negative counts from the end).</summary>
    public int Size(int dim) => _shape[NormalizeDim(dim, Dim)];

    /// <summary>The total number of elements.</summary>
    public int NumEl => _data.Length;

    /// <summary>The elements in row-major order (a view of the storage, not a copy).</summary>
    public ReadOnlySpan<float> Data => _data;

    /// <summary>The storage, writable: for filling inputs without a copy. Writing to a tensor that
    /// autograd saved for backward corrupts its gradient, as in PyTorch.</summary>
    public Span<float> AsSpan() => _data;

    /// <summary>The element at a full index, one entry per dimension.</summary>
    [System.Runtime.CompilerServices.IndexerName("Element")]
    public float this[params int[] index] => _data[Offset(index)];

    /// <summary>A tensor of zeros.</summary>
    public static Tensor Zeros(params int[] shape) => new(new float[ShapeSize(Checked(shape))], shape);

    /// <summary>An op result of zeros (its storage from <see cref="TensorStorage"/>).</summary>
    internal static Tensor ZeroedResult(params int[] shape) => new(TensorStorage.Zeroed((int)ShapeSize(shape)), shape);

    /// <summary>An op result filled with <paramref name="value"/> (its storage from
    /// <see cref="TensorStorage"/>).</summary>
    internal static Tensor FilledResult(float value, int[] shape)
    {
        var data = TensorStorage.Uninitialized((int)ShapeSize(shape));
        Array.Fill(data, value);
        return new(data, shape);
    }

    /// <summary>A tensor of ones.</summary>
    public static Tensor Ones(params int[] shape) => Full(1f, shape);

    /// <summary>A tensor filled with <paramref name="value"/>.</summary>
    public static Tensor Full(float value, params int[] shape)
    {
        var data = GC.AllocateUninitializedArray<float>((int)ShapeSize(Checked(shape)));
        Array.Fill(data, value);
        return new(data, shape);
    }

    /// <summary>Values from <paramref name="start"/> up to (not including) <paramref name="end"/> in steps of
    /// <paramref name="step"/>.</summary>
    public static Tensor Arange(float start, float end, float step = 1f)
    {
        if (step == 0f || float.IsNaN(step))
            throw new ArgumentException("step must be a non-zero number.", nameof(step));
        int count = Math.Max(0, (int)Math.Ceiling((end - start) / step));
        var data = new float[count];
        for (int i = 0; i < count; i++)
            data[i] = start + i * step;
        return new(data, [count]);
    }

    /// <summary>A tensor over a copy of <paramref name="values"/> with the given shape (1-D when omitted).</summary>
    public static Tensor FromArray(float[] values, params int[] shape) =>
        new((float[])values.Clone(), shape.Length == 0 ? [values.Length] : Checked(shape));

    /// <summary>A tensor over <paramref name="values"/> itself (no copy) with the given shape.</summary>
    public static Tensor Wrap(float[] values, params int[] shape) =>
        new(values, shape.Length == 0 ? [values.Length] : Checked(shape));

    /// <summary>A 0-dimensional tensor holding <paramref name="value"/>.</summary>
    public static Tensor Scalar(float value) => new([value], []);

    /// <summary>A tensor of zeros with the shape of <paramref name="like"/>.</summary>
    public static Tensor ZerosLike(Tensor like) => new(new float[like.NumEl], like._shape);

    /// <summary>A tensor of ones with the shape of <paramref name="like"/>.</summary>
    public static Tensor OnesLike(Tensor like) => Full(1f, like._shape);

    /// <summary>Samples from U[<paramref name="low"/>, <paramref name="high"/>) drawn from
    /// <paramref name="generator"/>.</summary>
    public static Tensor Uniform(Generator generator, float low, float high, params int[] shape)
    {
        var data = new float[ShapeSize(Checked(shape))];
        for (int i = 0; i < data.Length; i++)
            data[i] = low + (high - low) * (float)generator.NextDouble();
        return new(data, shape);
    }

    /// <summary>The value of a one-element tensor (<c>item()</c>).</summary>
    public float Item() =>
        NumEl == 1
            ? _data[0]
            : throw new InvalidOperationException(
                $"Item() needs a tensor with one element; this one has shape [{string.Join(", ", Shape)}]."
            );

    /// <summary>Samples from the standard normal distribution drawn from <paramref name="generator"/>.</summary>
    public static Tensor Randn(Generator generator, params int[] shape)
    {
        var data = new float[ShapeSize(Checked(shape))];
        for (int i = 0; i < data.Length; i++)
            data[i] = (float)generator.NextNormal();
        return new(data, shape);
    }

    /// <summary>Samples from U[0, 1) drawn from <paramref name="generator"/>.</summary>
    public static Tensor Rand(Generator generator, params int[] shape)
    {
        var data = new float[ShapeSize(Checked(shape))];
        for (int i = 0; i < data.Length; i++)
            data[i] = (float)generator.NextDouble();
        return new(data, shape);
    }

    /// <summary>The shape <paramref name="shape"/> resolves to for this tensor (one -1 inferred).</summary>
    internal int[] ResolveShape(int[] shape)
    {
        var resolved = (int[])shape.Clone();
        int infer = Array.IndexOf(resolved, -1);
        if (infer >= 0)
        {
            long known = 1;
            for (int i = 0; i < resolved.Length; i++)
                if (i != infer)
                    known *= resolved[i];
            if (known == 0 || NumEl % known != 0)
                throw new ArgumentException(
                    $"Cannot reshape [{string.Join(", ", Shape)}] into [{string.Join(", ", shape)}]."
                );
            resolved[infer] = (int)(NumEl / known);
        }
        if (ShapeSize(Checked(resolved)) != NumEl)
            throw new ArgumentException(
                $"Cannot reshape [{string.Join(", ", Shape)}] ({NumEl} elements) into [{string.Join(", ", shape)}]."
            );
        return resolved;
    }

    /// <summary>The elements as a new array.</summary>
    public float[] ToArray() => (float[])_data.Clone();

    /// <summary>Prints like PyTorch: <c>tensor([[1., 2.], [3., 4.]])</c>, summarising large tensors.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder("tensor(");
        if (Dim == 0)
            sb.Append(FormatValue(_data[0]));
        else
            AppendDimension(sb, 0, 0, NumEl > 1000, "       ");
        if (NumEl > 1000)
            sb.Append(", shape=[").Append(string.Join(", ", Shape)).Append(']');
        return sb.Append(')').ToString();
    }

    private void AppendDimension(StringBuilder sb, int dim, int offset, bool summarise, string indent)
    {
        int size = Shape[dim];
        int stride = 1;
        for (int d = dim + 1; d < Dim; d++)
            stride *= Shape[d];
        sb.Append('[');
        for (int i = 0; i < size; i++)
        {
            if (summarise && size > 6 && i == 3)
            {
                sb.Append(dim == Dim - 1 ? "..., " : "...,\n" + indent + new string(' ', dim + 1));
                i = size - 4;
                continue;
            }
            if (dim == Dim - 1)
                sb.Append(FormatValue(_data[offset + i]));
            else
                AppendDimension(sb, dim + 1, offset + i * stride, summarise, indent);
            if (i < size - 1)
                sb.Append(dim == Dim - 1 ? ", " : ",\n" + indent + new string(' ', dim + 1));
        }
        sb.Append(']');
    }

    private static string FormatValue(float value)
    {
        if (float.IsNaN(value))
            return "nan";
        if (float.IsInfinity(value))
            return value > 0 ? "inf" : "-inf";
        if (value == MathF.Round(value) && Math.Abs(value) < 1e8)
            return value.ToString("0", CultureInfo.InvariantCulture) + ".";
        return value.ToString("0.####", CultureInfo.InvariantCulture);
    }

    private int Offset(int[] index)
    {
        if (index.Length != Dim)
            throw new ArgumentException(
                $"Expected {Dim} indices for shape [{string.Join(", ", Shape)}], got {index.Length}."
            );
        int offset = 0;
        for (int d = 0; d < Dim; d++)
        {
            int i = index[d] < 0 ? index[d] + Shape[d] : index[d];
            if ((uint)i >= (uint)Shape[d])
                throw new IndexOutOfRangeException(
                    $"Index {index[d]} is out of range for dimension {d} of size {Shape[d]}."
                );
            offset = offset * Shape[d] + i;
        }
        return offset;
    }

    internal static int NormalizeDim(int dim, int rank)
    {
        int d = dim < 0 ? dim + rank : dim;
        if ((uint)d >= (uint)Math.Max(rank, 1) && !(rank == 0 && (dim == 0 || dim == -1)))
            throw new ArgumentOutOfRangeException(
                nameof(dim),
                $"Dimension {dim} is out of range for a tensor of {rank} dimension(s) (expected "
                    + $"{-Math.Max(rank, 1)} to {Math.Max(rank, 1) - 1})."
            );
        return rank == 0 ? 0 : d;
    }

    internal static string ShapeText(IReadOnlyList<int> shape) => "[" + string.Join(", ", shape) + "]";

    internal static int[] Checked(int[] shape)
    {
        foreach (int s in shape)
            if (s < 0)
                throw new ArgumentException($"Shape [{string.Join(", ", shape)}] has a negative dimension.");
        return shape;
    }

    internal static long ShapeSize(int[] shape)
    {
        long size = 1;
        foreach (int s in shape)
            size *= s;
        return size;
    }
}
