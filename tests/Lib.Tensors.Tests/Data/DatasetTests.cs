using Lib.Tensors.Data;

namespace Lib.Tensors.Tests.Data;

public class DatasetTests
{
    [Fact]
    public void TensorDataset_yields_copies_of_the_rows_of_each_tensor()
    {
        var x = Tensor.Arange(0, 12).Reshape(4, 3);
        var y = Tensor.Arange(100, 104);
        var ds = new TensorDataset(x, y);
        Assert.Equal(4, ds.Count);
        var row = ds[2];
        Assert.Equal([3], row[0].Shape);
        Assert.Equal([6f, 7f, 8f], row[0].ToArray());
        Assert.Empty(row[1].Shape);
        Assert.Equal(102f, row[1].Item());
        row[0].AsSpan()[0] = -1f;
        Assert.Equal(6f, x[2, 0]);
        Assert.Throws<ArgumentOutOfRangeException>(() => ds[4]);
    }

    [Fact]
    public void TensorDataset_rejects_tensors_with_different_row_counts()
    {
        var e = Assert.Throws<ArgumentException>(() => new TensorDataset(Tensor.Zeros(4, 2), Tensor.Zeros(3)));
        Assert.Contains("tensor 1 has 3 rows", e.Message);
        Assert.Throws<ArgumentException>(() => new TensorDataset());
    }

    [Fact]
    public void Subset_maps_indices_and_checks_them()
    {
        var ds = new ListDataset<string>(["a", "b", "c", "d"]);
        var sub = new Subset<string>(ds, [3, 1]);
        Assert.Equal(2, sub.Count);
        Assert.Equal("d", sub[0]);
        Assert.Equal("b", sub[1]);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new Subset<string>(ds, [0, 4]));
        Assert.Contains("indices[1] = 4", e.Message);
    }

    [Fact]
    public void RandomSplit_partitions_the_dataset_reproducibly()
    {
        var ds = new ListDataset<int>([.. Enumerable.Range(0, 10)]);
        var parts = Datasets.RandomSplit(ds, [7, 3], new Generator(42));
        Assert.Equal([7, 3], parts.Select(p => p.Count));
        Assert.Equal(Enumerable.Range(0, 10), parts.SelectMany(p => p.Indices).Order());
        var again = Datasets.RandomSplit(ds, [7, 3], new Generator(42));
        Assert.Equal(parts[0].Indices, again[0].Indices);
        var other = Datasets.RandomSplit(ds, [7, 3], new Generator(43));
        Assert.NotEqual(parts[0].Indices, other[0].Indices);
        Assert.Throws<ArgumentException>(() => Datasets.RandomSplit(ds, [7, 2], new Generator(1)));
    }

    [Fact]
    public void RandomSplit_by_fractions_hands_the_remainder_to_the_first_parts()
    {
        var ds = new ListDataset<int>([.. Enumerable.Range(0, 11)]);
        var parts = Datasets.RandomSplit(ds, [0.5, 0.3, 0.2], new Generator(0));
        Assert.Equal([6, 3, 2], parts.Select(p => p.Count)); // floor: 5, 3, 2 → +1 to the first
        Assert.Throws<ArgumentException>(() => Datasets.RandomSplit(ds, [0.5, 0.4], new Generator(0)));
    }
}
