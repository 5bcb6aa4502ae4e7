using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using OpenCvSharp;

namespace Lib.Splits.Ingest;

/// <summary>
/// The ImageNet-pretrained ResNet-18 that <c>Microsoft.ML.DnnImageFeaturizer.ResNet18</c> ships (<c>ResNet18.onnx</c>,
/// copied beside <c>Lib.dll</c> as <c>DnnImageModels/</c>), run with ONNX Runtime: 512 features per frame, the
/// global average pool before the classifier. Each frame is resized to 224×224 (the whole picture, area
/// interpolation) and prepared as the package's <c>ResNetPreprocess.onnx</c> does — RGB planes reordered to BGR
/// minus its mean image (read from that model) — then frames run in batches (the network's batch dimension, fixed
/// at 1 in the file, is made symbolic when loading; it has no reshapes).
/// </summary>
public sealed class ResNet18Features : IFrameFeatureExtractor
{
    /// <summary>The network's input size.</summary>
    public const int Size = 224;

    private readonly InferenceSession _session;
    private readonly float[] _mean;
    private readonly string _input,
        _output;

    /// <summary>Loads the models from <paramref name="modelsFolder"/> (default: <c>DnnImageModels/</c> beside
    /// Lib.dll).</summary>
    /// <exception cref="FileNotFoundException">A model file is missing (says where it looked).</exception>
    public ResNet18Features(string? modelsFolder = null, int batchSize = 16, int threads = 0)
    {
        modelsFolder ??= DefaultModelsFolder;
        var network = Path.Combine(modelsFolder, "ResNet18Onnx", "ResNet18.onnx");
        var preprocess = Path.Combine(modelsFolder, "ResNetPrepOnnx", "ResNetPreprocess.onnx");
        foreach (var file in new[] { network, preprocess })
            if (!File.Exists(file))
                throw new FileNotFoundException(
                    $"{file} is missing: the ResNet-18 models come from the NuGet package "
                        + "Microsoft.ML.DnnImageFeaturizer.ResNet18 0.24.0, which building lib/Lib copies beside "
                        + "Lib.dll (DnnImageModels/).",
                    file
                );
        BatchSize = batchSize;
        _mean = MeanImage(preprocess);
        var model = Onnx.ModelProto.Parser.ParseFrom(File.ReadAllBytes(network));
        foreach (var value in model.Graph.Input.Concat(model.Graph.Output))
        {
            var dim = value.Type.TensorType.Shape.Dim[0];
            dim.DimParam = "batch";
        }
        model.Graph.ValueInfo.Clear();
        _input = model.Graph.Input[0].Name;
        _output = model.Graph.Output[0].Name;
        using var options = new SessionOptions { IntraOpNumThreads = threads };
        _session = new InferenceSession(Google.Protobuf.MessageExtensions.ToByteArray(model), options);
    }

    /// <summary><c>DnnImageModels/</c> beside Lib.dll.</summary>
    public static string DefaultModelsFolder =>
        Path.Combine(
            Path.GetDirectoryName(typeof(ResNet18Features).Assembly.Location) ?? AppContext.BaseDirectory,
            "DnnImageModels"
        );

    /// <inheritdoc />
    public string Name => "resnet18";

    /// <inheritdoc />
    public int Dimension => 512;

    /// <inheritdoc />
    public int BatchSize { get; }

    /// <inheritdoc />
    public float[][] Extract(IReadOnlyList<byte[]> frames, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(frames);
        var result = new float[frames.Count][];
        const int plane = Size * Size;
        for (int start = 0; start < frames.Count; start += BatchSize)
        {
            int n = Math.Min(BatchSize, frames.Count - start);
            var input = new DenseTensor<float>([n, 3, Size, Size]);
            var buffer = input.Buffer.Span;
            using var resized = new Mat();
            for (int b = 0; b < n; b++)
            {
                using var frame = Mat.FromPixelData(height, width, MatType.CV_8UC3, frames[start + b]);
                Cv2.Resize(frame, resized, new OpenCvSharp.Size(Size, Size), 0, 0, InterpolationFlags.Area);
                resized.GetArray(out Vec3b[] pixels);
                int offset = b * 3 * plane;
                for (int p = 0; p < plane; p++)
                {
                    // BGR planes minus the mean image, as ResNetPreprocess.onnx computes from RGB planes.
                    buffer[offset + p] = pixels[p].Item2 - _mean[p];
                    buffer[offset + plane + p] = pixels[p].Item1 - _mean[plane + p];
                    buffer[offset + 2 * plane + p] = pixels[p].Item0 - _mean[2 * plane + p];
                }
            }
            using var outputs = _session.Run([NamedOnnxValue.CreateFromTensor(_input, input)]);
            var features = outputs.First(o => o.Name == _output).AsTensor<float>().ToArray(); // [n, 512, 1, 1]
            for (int b = 0; b < n; b++)
                result[start + b] = features.AsSpan(b * Dimension, Dimension).ToArray();
        }
        return result;
    }

    private static float[] MeanImage(string preprocess)
    {
        var model = Onnx.ModelProto.Parser.ParseFrom(File.ReadAllBytes(preprocess));
        var mean = model.Graph.Initializer.FirstOrDefault(i => i.Name == "MeanImage")
            ?? throw new InvalidDataException(
                $"{preprocess}: no MeanImage initializer (expected the ResNet preprocessing)."
            );
        float[] values =
            mean.FloatData.Count > 0
                ? [.. mean.FloatData]
                : System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(mean.RawData.Span).ToArray();
        if (values.Length != 3 * Size * Size)
            throw new InvalidDataException($"{preprocess}: MeanImage has {values.Length} values (expected 3×224×224).");
        return values;
    }

    /// <inheritdoc />
    public void Dispose() => _session.Dispose();
}
