using System.Diagnostics;
using Lib.Tensors.Autograd;
using Lib.Tensors.IO;
using Lib.Tensors.NN;

namespace Lib.Tensors.Tests.Golden;

/// <summary>A fact that runs only where <c>/usr/bin/python3</c> can import torch (Debian's python3-torch).</summary>
public sealed class TorchFactAttribute : FactAttribute
{
    public TorchFactAttribute()
    {
        if (!PyTorch.Available) Skip = "needs PyTorch: apt-get install python3-torch (used through /usr/bin/python3)";
    }
}

internal static class PyTorch
{
    public const string Python = "/usr/bin/python3";

    public static bool Available { get; } = Probe();

    private static bool Probe()
    {
        if (!File.Exists(Python)) return false;
        var (code, _) = Run("-c \"import torch\"");
        return code == 0;
    }

    public static (int ExitCode, string Output) Run(string arguments)
    {
        var start = new ProcessStartInfo(Python, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output + stderr.Result);
    }

    /// <summary>A script in tests/fixtures/torch, found by walking up from the test assembly.</summary>
    public static string Script(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "fixtures", "torch", name);
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException($"tests/fixtures/torch/{name} not found above {AppContext.BaseDirectory}.");
    }
}

/// <summary>The network of roundtrip_checkpoint.py: Embedding → 2-layer BiLSTM → LayerNorm → Linear.</summary>
internal sealed class TinyNet : Module<IndexTensor, Tensor>
{
    private readonly Embedding _emb;
    private readonly LSTM _lstm;
    private readonly LayerNorm _norm;
    private readonly Linear _head;

    public TinyNet(Generator g)
    {
        _emb = RegisterModule("emb", new Embedding(10, 6, g, paddingIdx: 0));
        _lstm = RegisterModule("lstm", new LSTM(6, 5, g, numLayers: 2, batchFirst: true, bidirectional: true));
        _norm = RegisterModule("norm", new LayerNorm(10));
        _head = RegisterModule("head", new Linear(10, 3, g));
    }

    public override Tensor Forward(IndexTensor tokens) => _head.Forward(_norm.Forward(_lstm.Forward(_emb.Forward(tokens)).Output));
}

public class PyTorchRoundTripTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [TorchFact]
    public void A_checkpoint_saved_here_loads_in_pytorch_and_back_with_identical_outputs()
    {
        var dir = Directory.CreateTempSubdirectory("lab-roundtrip-").FullName;
        try
        {
            var g = new Generator(3);
            var net = new TinyNet(g);
            var tokens = IndexTensor.FromArray([1, 4, 9, 0, 0, 2, 2, 7, 3, 0, 5, 6, 8, 1, 3], 3, 5);
            Tensor ours;
            using (GradMode.NoGrad()) ours = net.Forward(tokens);
            Checkpoint.Save(Path.Combine(dir, "model.safetensors"), net);
            SafeTensors.Save(Path.Combine(dir, "io.safetensors"), new Dictionary<string, SafeTensor>
            {
                ["input.tokens"] = SafeTensor.FromInt64(Array.ConvertAll(tokens.ToArray(), v => (long)v), 3, 5),
                ["output.out"] = ours.ToSafeTensor(),
            });

            var back = Path.Combine(dir, "back");
            var (code, printed) = PyTorch.Run($"\"{PyTorch.Script("roundtrip_checkpoint.py")}\" \"{dir}\" \"{back}\"");
            output.WriteLine(printed.Trim());
            Assert.True(code == 0, $"PyTorch side failed ({code}):\n{printed}");

            // PyTorch took one SGD step; its weights and output must load and reproduce here.
            var reloaded = new TinyNet(new Generator(99));
            Checkpoint.Load(Path.Combine(back, "model.safetensors"), reloaded);
            var (io, _) = SafeTensors.Load(Path.Combine(back, "io.safetensors"));
            Tensor again;
            using (GradMode.NoGrad()) again = reloaded.Forward(tokens);
            var expected = io["output.out"].ToFloat32();
            float maxDiff = 0;
            for (int i = 0; i < expected.Length; i++) maxDiff = Math.Max(maxDiff, Math.Abs(expected[i] - again.Data[i]));
            output.WriteLine($"back in C#: max |PyTorch - C#| = {maxDiff:G3}");
            Assert.True(maxDiff <= 1e-5f, $"max |PyTorch - C#| after the round trip is {maxDiff}");
            Assert.NotEqual(ours.ToArray(), again.ToArray()); // the weights really changed on the way
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
