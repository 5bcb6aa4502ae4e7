using System.Diagnostics;
using Lib.Tensors;
using Lib.Tensors.Autograd;
using Lib.Tensors.Data;
using Lib.Tensors.NN;
using Lib.Tensors.Optim;
using Lib.Tensors.Training;
using Lib.Tracking;

namespace Lib.Tests.Tracking;

public class TensorBoardEventWriterTests
{
    [Fact]
    public void The_test_reader_s_CRC32C_is_the_Castagnoli_check_value_and_agrees_with_the_writer_s()
    {
        var check = "123456789"u8;
        Assert.Equal(0xE3069283u, TensorBoardEventFile.Crc32C(check));
        Assert.Equal(TensorBoardEventFile.Masked(check), TensorBoardEventWriter.MaskedCrc32C(check));
    }

    [Fact]
    public void A_written_file_reads_back_with_valid_framing_the_version_event_first_and_the_scalars()
    {
        using var dir = new TempDir();
        string path;
        using (var writer = new TensorBoardEventWriter(dir.Path, host: "testhost"))
        {
            writer.AddScalar("train_loss", 0.25, step: 0);
            writer.AddScalar("val/mae", 1.5, step: 7, wallTime: DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_500));
            path = writer.FilePath;
        }

        Assert.Matches(@"^events\.out\.tfevents\.\d{10}\.testhost$", Path.GetFileName(path));
        var events = TensorBoardEventFile.Read(path);
        Assert.Equal(3, events.Count);
        Assert.Equal("brain.Event:2", events[0].FileVersion);
        Assert.Empty(events[0].Scalars);
        Assert.True(Math.Abs(events[0].WallTime - DateTimeOffset.UtcNow.ToUnixTimeSeconds()) < 3600);
        Assert.Equal([("train_loss", 0.25f)], events[1].Scalars);
        Assert.Equal(0, events[1].Step);
        Assert.Equal([("val/mae", 1.5f)], events[2].Scalars);
        Assert.Equal(7, events[2].Step);
        Assert.Equal(1_700_000_000.5, events[2].WallTime);
    }

    [Fact]
    public void A_flipped_byte_fails_the_reader_s_CRC_check()
    {
        using var dir = new TempDir();
        string path;
        using (var writer = new TensorBoardEventWriter(dir.Path))
        {
            writer.AddScalar("x", 1, 1);
            path = writer.FilePath;
        }
        var bytes = File.ReadAllBytes(path);
        bytes[^6] ^= 0x40; // inside the last record's data
        File.WriteAllBytes(path, bytes);
        var e = Assert.Throws<InvalidDataException>(() => TensorBoardEventFile.Read(path));
        Assert.Contains("data CRC", e.Message);
    }

    [Fact]
    public void Two_writers_in_one_second_write_two_files()
    {
        using var dir = new TempDir();
        using var a = new TensorBoardEventWriter(dir.Path, "h");
        using var b = new TensorBoardEventWriter(dir.Path, "h");
        Assert.NotEqual(a.FilePath, b.FilePath);
        Assert.Equal(2, Directory.GetFiles(dir.Path).Length);
    }

    private sealed class Line : Module<Tensor, Tensor>
    {
        public Line() => Weight = RegisterParameter("weight", Tensor.FromArray([0.5f], 1, 1));

        public Tensor Weight { get; }

        public override Tensor Forward(Tensor x) => x.MatMul(Weight);
    }

    [Fact]
    public void The_callback_writes_each_epoch_s_loss_metrics_and_lr_next_to_the_tracked_run()
    {
        using var dir = new TempDir();
        var store = new TrackingStore(dir.Path);
        using var run = store.StartRun("tb-test");
        var model = new Line();
        var x = Tensor.FromArray([1f, 2f, 3f, 4f], 4, 1);
        var data = new TensorDataset(x, x * 2f);
        var loader = new DataLoader<Tensor[], Tensor[]>(data, Collate.StackFields, 2, prefetch: 0);
        var callback = new TensorBoardCallback(run);
        var trainer = new Trainer<Tensor[]>(model, new SGD(model.Parameters(), lr: 0.01), b =>
            new TrainingStepOutput(model.Call(b[0]).Sub(b[1]).Pow(2f).Mean(), new Dictionary<string, Tensor> { ["l2"] = model.Weight.Pow(2f).Sum() }))
        {
            MaxEpochs = 3,
            ValidationStep = b => new Dictionary<string, double> { ["val_mse"] = model.Call(b[0]).Sub(b[1]).Pow(2f).Mean().Item() },
        };
        trainer.Callbacks.Add(callback);
        var history = trainer.Fit(loader, loader);

        Assert.Equal(Path.Combine(run.ArtifactsDirectory, "tensorboard"), Path.GetDirectoryName(callback.FilePath));
        var events = TensorBoardEventFile.Read(callback.FilePath!);
        Assert.Equal("brain.Event:2", events[0].FileVersion);
        var scalars = events.Skip(1).SelectMany(e => e.Scalars.Select(s => (e.Step, s.Tag, s.Value))).ToList();
        Assert.Equal(3 * 4, scalars.Count); // train_loss, train_l2, val_mse, lr per epoch
        foreach (var epoch in history.Epochs)
        {
            Assert.Contains((epoch.Epoch, "train_loss", (float)epoch.TrainLoss), scalars);
            Assert.Contains((epoch.Epoch, "train_l2", (float)epoch.Metrics["train_l2"]), scalars);
            Assert.Contains((epoch.Epoch, "val_mse", (float)epoch.Metrics["val_mse"]), scalars);
            Assert.Contains((epoch.Epoch, "lr", 0.01f), scalars);
        }
    }

    private static bool PythonTensorBoard()
    {
        if (!File.Exists("/usr/bin/python3")) return false;
        using var p = Process.Start(new ProcessStartInfo("/usr/bin/python3", "-c \"import tensorboard\"") { RedirectStandardError = true })!;
        p.StandardError.ReadToEnd();
        p.WaitForExit();
        return p.ExitCode == 0;
    }

    /// <summary>Runs only where <c>/usr/bin/python3 -c "import tensorboard"</c> works.</summary>
    public sealed class TensorBoardFactAttribute : FactAttribute
    {
        public TensorBoardFactAttribute()
        {
            if (!PythonTensorBoard()) Skip = "needs TensorBoard importable by /usr/bin/python3";
        }
    }

    [TensorBoardFact]
    public void TensorBoard_s_own_reader_reads_the_file()
    {
        using var dir = new TempDir();
        using (var writer = new TensorBoardEventWriter(dir.Path))
        {
            writer.AddScalar("train_loss", 0.25, 1);
            writer.AddScalar("train_loss", 0.125, 2);
        }
        var script = "import sys\n"
            + "from tensorboard.backend.event_processing.event_accumulator import EventAccumulator\n"
            + "acc = EventAccumulator(sys.argv[1]); acc.Reload()\n"
            + "print(' '.join(f'{e.step}:{e.value}' for e in acc.Scalars('train_loss')))\n";
        var start = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(dir.Path);
        using var p = Process.Start(start)!;
        var stderr = p.StandardError.ReadToEndAsync();
        var output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, stderr.Result);
        Assert.Equal("1:0.25 2:0.125", output.Trim());
    }
}
