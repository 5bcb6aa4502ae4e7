using Lib.Tensors.Ops;

namespace Lib.Tensors;

// Matrix products: matmul with PyTorch's batching and broadcasting rules, and the fused linear layer.
public sealed partial class Tensor
{
    /// <summary>
    /// The matrix product (<c>torch.matmul</c>): 1-D·1-D is a dot product, a 1-D operand is treated as
    /// a row (left) or column (right) vector and that dimension removed, and leading batch dimensions broadcast.
    /// </summary>
    public Tensor MatMul(Tensor other)
    {
        if (Dim == 0 || other.Dim == 0)
            throw new ArgumentException("MatMul needs tensors of at least one dimension; use Mul for scalars.");
        var a = Dim == 1 ? Unsqueeze(0) : this;
        var b = other.Dim == 1 ? other.Unsqueeze(1) : other;
        var result = BatchedMatMul(a, b);
        if (Dim == 1)
            result = result.Squeeze(-2);
        if (other.Dim == 1)
            result = result.Squeeze(-1);
        return result;
    }

    private static Tensor BatchedMatMul(Tensor a, Tensor b)
    {
        int m = a._shape[^2],
            k = a._shape[^1],
            k2 = b._shape[^2],
            n = b._shape[^1];
        if (k != k2)
            throw new ArgumentException(
                $"MatMul: shapes {ShapeText(a.Shape)} and {ShapeText(b.Shape)} do not chain ({k} columns vs {k2} rows)."
            );
        var batchA = a._shape[..^2];
        var batchB = b._shape[..^2];
        var batch = Broadcast.Shapes(batchA, batchB);
        int count = (int)ShapeSize(batch);
        int[] outShape = [.. batch, m, n];
        var result = TensorStorage.Uninitialized((int)ShapeSize(outShape));
        var (offsetsA, offsetsB) = BatchOffsets(batchA, batchB, batch, m * k, k * n);
        for (int i = 0; i < count; i++)
            Blas.Sgemm(
                false,
                false,
                m,
                n,
                k,
                1f,
                a._data.AsSpan(offsetsA[i]),
                k,
                b._data.AsSpan(offsetsB[i]),
                n,
                0f,
                result.AsSpan(i * m * n, m * n),
                n
            );
        return Record(new Tensor(result, outShape), "MatMulBackward", [a, b], g =>
        {
            Tensor? ga = null,
                gb = null;
            if (a.RequiresGrad)
            {
                // dA = dC · Bᵀ per batch, summed over the batch dimensions A was broadcast along.
                var full = TensorStorage.Uninitialized(count * m * k);
                for (int i = 0; i < count; i++)
                    Blas.Sgemm(
                        false,
                        true,
                        m,
                        k,
                        n,
                        1f,
                        g._data.AsSpan(i * m * n),
                        n,
                        b._data.AsSpan(offsetsB[i]),
                        n,
                        0f,
                        full.AsSpan(i * m * k, m * k),
                        k
                    );
                ga = Broadcast.SumTo(new Tensor(full, [.. batch, m, k]), a._shape);
            }
            if (b.RequiresGrad)
            {
                var full = TensorStorage.Uninitialized(count * k * n);
                for (int i = 0; i < count; i++)
                    Blas.Sgemm(
                        true,
                        false,
                        k,
                        n,
                        m,
                        1f,
                        a._data.AsSpan(offsetsA[i]),
                        k,
                        g._data.AsSpan(i * m * n),
                        n,
                        0f,
                        full.AsSpan(i * k * n, k * n),
                        n
                    );
                gb = Broadcast.SumTo(new Tensor(full, [.. batch, k, n]), b._shape);
            }
            return [ga, gb];
        });
    }

    /// <summary>Storage offsets of each broadcast batch's matrix in A and B.</summary>
    private static (int[] A, int[] B) BatchOffsets(int[] batchA, int[] batchB, int[] batch, int sizeA, int sizeB)
    {
        int count = (int)ShapeSize(batch);
        var offA = new int[count];
        var offB = new int[count];
        var sa = Broadcast.Strides(batchA, batch);
        var sb = Broadcast.Strides(batchB, batch);
        var index = new int[batch.Length];
        for (int i = 0; i < count; i++)
        {
            int oa = 0,
                ob = 0;
            for (int d = 0; d < batch.Length; d++)
            {
                oa += index[d] * sa[d];
                ob += index[d] * sb[d];
            }
            offA[i] = oa * sizeA;
            offB[i] = ob * sizeB;
            for (int d = batch.Length - 1; d >= 0; d--)
            {
                if (++index[d] < batch[d])
                    break;
                index[d] = 0;
            }
        }
        return (offA, offB);
    }

    /// <summary>
    /// The linear layer <c>x · weightᵀ + bias</c> in one fused op (<c>F.linear</c>, PyTorch's addmm):
    /// x [*, in], weight [out, in], bias [out] → [*, out].
    /// </summary>
    public static Tensor Linear(Tensor x, Tensor weight, Tensor? bias = null)
    {
        if (weight.Dim != 2)
            throw new ArgumentException($"Linear: weight must be [out, in], got {ShapeText(weight.Shape)}.");
        int outF = weight._shape[0],
            inF = weight._shape[1];
        if (x.Dim == 0 || x._shape[^1] != inF)
            throw new ArgumentException(
                $"Linear: input {ShapeText(x.Shape)} must end in {inF} features to match weight "
                    + $"{ShapeText(weight.Shape)}."
            );
        if (bias is not null && (bias.Dim != 1 || bias._shape[0] != outF))
            throw new ArgumentException($"Linear: bias must be [{outF}], got {ShapeText(bias.Shape)}.");
        int rows = x.NumEl / inF;
        int[] outShape = [.. x._shape[..^1], outF];
        var result = TensorStorage.Uninitialized(rows * outF);
        if (bias is not null)
            Blas.SgemmBias(false, true, rows, outF, inF, 1f, x._data, inF, weight._data, inF, bias._data, result, outF);
        else
            Blas.Sgemm(false, true, rows, outF, inF, 1f, x._data, inF, weight._data, inF, 0f, result, outF);
        Tensor[] inputs = bias is null ? [x, weight] : [x, weight, bias];
        return Record(new Tensor(result, outShape), "AddmmBackward", inputs, g =>
        {
            Tensor? gx = null,
                gw = null,
                gb = null;
            if (x.RequiresGrad)
            {
                var dx = TensorStorage.Uninitialized(rows * inF);
                Blas.Sgemm(false, false, rows, inF, outF, 1f, g._data, outF, weight._data, inF, 0f, dx, inF);
                gx = new Tensor(dx, x._shape);
            }
            if (weight.RequiresGrad)
            {
                var dw = TensorStorage.Uninitialized(outF * inF);
                Blas.Sgemm(true, false, outF, inF, rows, 1f, g._data, outF, x._data, inF, 0f, dw, inF);
                gw = new Tensor(dw, weight._shape);
            }
            if (bias is { RequiresGrad: true })
                gb = g.Reshape(rows, outF).Sum(0);
            return bias is null ? [gx, gw] : [gx, gw, gb];
        });
    }
}
