namespace Lib.Tensors.NN.Recurrent;

/// <summary>
/// The layout of one recurrent batch, as PyTorch's packed sequence holds it: sequences sorted by
/// length (longest first, stable), and time step t's rows stored together for the sequences still
/// running at t, which are always a prefix of that order. A step then touches only contiguous rows
/// and padding is never computed. Packed row (t, j) is <c>Offsets[t] + j</c> for j &lt; <c>BatchSizes[t]</c>.
/// </summary>
internal sealed class RnnBatch
{
    private RnnBatch(int batch, int time, bool batchFirst, int[] lengths, int[] order)
    {
        Batch = batch;
        Time = time;
        BatchFirst = batchFirst;
        Lengths = lengths;
        Order = order;
        SortedLengths = Array.ConvertAll(order, b => lengths[b]);
        BatchSizes = new int[time];
        Offsets = new int[time];
        int rows = 0;
        for (int t = 0; t < time; t++)
        {
            int n = 0;
            while (n < batch && SortedLengths[n] > t)
                n++;
            BatchSizes[t] = n;
            Offsets[t] = rows;
            rows += n;
        }
        Rows = rows;
    }

    /// <summary>B, the number of sequences.</summary>
    public int Batch { get; }

    /// <summary>T, the padded number of steps.</summary>
    public int Time { get; }

    /// <summary>Whether the padded tensors are [B, T, F] (else [T, B, F]).</summary>
    public bool BatchFirst { get; }

    /// <summary>Each sequence's length, in the caller's batch order.</summary>
    public int[] Lengths { get; }

    /// <summary>Sorted position j → the caller's batch index.</summary>
    public int[] Order { get; }

    /// <summary>The lengths in sorted order (non-increasing).</summary>
    public int[] SortedLengths { get; }

    /// <summary>How many sequences are still running at each step.</summary>
    public int[] BatchSizes { get; }

    /// <summary>The first packed row of each step.</summary>
    public int[] Offsets { get; }

    /// <summary>The number of packed rows (the sum of the lengths).</summary>
    public int Rows { get; }

    /// <summary>The layout for a batch; <paramref name="lengths"/> already validated (null: every sequence has all
    /// <paramref name="time"/> steps).</summary>
    public static RnnBatch Create(int batch, int time, bool batchFirst, int[]? lengths)
    {
        lengths ??= Enumerable.Repeat(time, batch).ToArray();
        var order = Enumerable.Range(0, batch).OrderByDescending(b => lengths[b]).ToArray();
        return new RnnBatch(batch, time, batchFirst, lengths, order);
    }

    /// <summary>The row of (sequence <paramref name="b"/>, step <paramref name="t"/>) in a padded tensor.</summary>
    public int PaddedRow(int b, int t) => BatchFirst ? b * Time + t : t * Batch + b;

    /// <summary>
    /// The steps in the order a direction processes them (ascending, or descending for the reverse
    /// direction), skipping steps no sequence reaches.
    /// </summary>
    public RnnStep[] Steps(bool reverse)
    {
        var steps = new List<RnnStep>(Time);
        for (int s = 0; s < Time; s++)
        {
            int t = reverse ? Time - 1 - s : s;
            int n = BatchSizes[t];
            if (n == 0)
                continue;
            int prev = reverse ? t + 1 : t - 1;
            int carried = prev < 0 || prev >= Time ? 0 : Math.Min(BatchSizes[prev], n);
            steps.Add(new RnnStep(t, Offsets[t], n, carried > 0 ? Offsets[prev] : 0, carried));
        }
        return [.. steps];
    }

    /// <summary>The packed row holding sequence j's final state: its last step, or step 0 for the reverse
    /// direction.</summary>
    public int FinalRow(int j, bool reverse) => reverse ? Offsets[0] + j : Offsets[SortedLengths[j] - 1] + j;

    /// <summary>Rows of a padded [.., width] tensor gathered into packed order (padding is not copied).</summary>
    public float[] Pack(ReadOnlySpan<float> padded, int width)
    {
        var packed = TensorStorage.Uninitialized(Rows * width); // every packed row is some step's
        for (int t = 0; t < Time; t++)
        for (int j = 0; j < BatchSizes[t]; j++)
            padded.Slice(PaddedRow(Order[j], t) * width, width).CopyTo(packed.AsSpan((Offsets[t] + j) * width, width));
        return packed;
    }

    /// <summary>Zeros the rows of a padded [.., width] tensor past each sequence's length (the rows
    /// <see cref="Unpack"/> does not write).</summary>
    public void ClearPadding(Span<float> padded, int width)
    {
        for (int b = 0; b < Batch; b++)
        for (int t = Lengths[b]; t < Time; t++)
            padded.Slice(PaddedRow(b, t) * width, width).Clear();
    }

    /// <summary>Packed [Rows, width] rows written into columns [column, column + width) of a padded tensor with
    /// <paramref name="paddedWidth"/> columns.</summary>
    public void Unpack(ReadOnlySpan<float> packed, int width, Span<float> padded, int paddedWidth, int column)
    {
        for (int t = 0; t < Time; t++)
        for (int j = 0; j < BatchSizes[t]; j++)
            packed
                .Slice((Offsets[t] + j) * width, width)
                .CopyTo(padded.Slice(PaddedRow(Order[j], t) * paddedWidth + column, width));
    }

    /// <summary>Row <paramref name="row"/> of a [rows, B, H] state in sorted batch order as [B, H] (zeros when
    /// <paramref name="state"/> is null).</summary>
    public float[] SortState(Tensor? state, int row, int hidden)
    {
        var sorted = TensorStorage.Zeroed(Batch * hidden);
        if (state is null)
            return sorted;
        var data = state.Data.Slice(row * Batch * hidden, Batch * hidden);
        for (int j = 0; j < Batch; j++)
            data.Slice(Order[j] * hidden, hidden).CopyTo(sorted.AsSpan(j * hidden, hidden));
        return sorted;
    }

    /// <summary>A sorted [B, H] block written in caller order into <paramref name="destination"/> [B, H].</summary>
    public void UnsortState(ReadOnlySpan<float> sorted, int hidden, Span<float> destination)
    {
        for (int j = 0; j < Batch; j++)
            sorted.Slice(j * hidden, hidden).CopyTo(destination.Slice(Order[j] * hidden, hidden));
    }

    /// <summary>Each sequence's final packed row of <paramref name="packed"/>, in caller order, into
    /// <paramref name="destination"/> [B, H].</summary>
    public void WriteFinal(ReadOnlySpan<float> packed, int hidden, bool reverse, Span<float> destination)
    {
        for (int j = 0; j < Batch; j++)
            packed.Slice(FinalRow(j, reverse) * hidden, hidden).CopyTo(destination.Slice(Order[j] * hidden, hidden));
    }
}

/// <summary>
/// One step of a direction: time <c>Time</c>, packed rows [Offset, Offset + Count). The first
/// <c>Carried</c> rows continue from packed rows [PrevOffset, PrevOffset + Carried) of the previous
/// step processed; the rest start from the initial state.
/// </summary>
internal readonly record struct RnnStep(int Time, int Offset, int Count, int PrevOffset, int Carried);
