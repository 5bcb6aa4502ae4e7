using Lib.Splits.Cache;
using Lib.Splits.Ingest;

namespace Lib.Tests.Splits;

/// <summary>The frame features (ResNet-18 through ONNX Runtime, the colour thumbnail) and their cache.</summary>
public class FrameFeatureTests
{
    private static string Clip(string name) => Path.Combine(RepoPaths.Root, "tests", "fixtures", "splits", "video", name);

    private static List<byte[]> Frames(string clip, double rate, int max)
    {
        var frames = new List<byte[]>();
        VideoDecoder.Decode(
            Clip(clip),
            (i, rgb) =>
            {
                if (frames.Count < max)
                    frames.Add((byte[])rgb.Clone());
            },
            rate,
            320,
            180
        );
        return frames;
    }

    private static double Cosine(float[] a, float[] b)
    {
        double ab = 0,
            aa = 0,
            bb = 0;
        for (int i = 0; i < a.Length; i++)
        {
            ab += a[i] * b[i];
            aa += a[i] * a[i];
            bb += b[i] * b[i];
        }
        return ab / Math.Sqrt(aa * bb);
    }

    [Fact]
    public void ResNet_gives_512_pooled_features_the_same_in_a_batch_as_alone_and_places_apart()
    {
        var karma = Frames("karma.mp4", 1, 3);
        var hero = Frames("max-heromode.mp4", 1, 1);
        using var resnet = new ResNet18Features(batchSize: 4);
        var batch = resnet.Extract([karma[0], karma[1], karma[2], hero[0]], 320, 180);
        Assert.Equal(4, batch.Length);
        Assert.All(batch, f => Assert.Equal(512, f.Length));
        Assert.All(batch, f => Assert.All(f, v => Assert.True(v >= 0 && float.IsFinite(v)))); // after ReLU + pool
        var alone = resnet.Extract([karma[1]], 320, 180)[0];
        for (int i = 0; i < 512; i++)
            Assert.Equal(batch[1][i], alone[i], 3);
        // A second later in the same drone shot looks more alike than another camera's scene.
        Assert.True(
            Cosine(batch[0], batch[1]) > Cosine(batch[0], batch[3]),
            $"same shot {Cosine(batch[0], batch[1]):0.000}, other clip {Cosine(batch[0], batch[3]):0.000}"
        );
    }

    [Fact]
    public void The_thumbnail_is_the_area_mean_of_each_cell()
    {
        var frame = new byte[320 * 180 * 3];
        for (int y = 0; y < 180; y++)
            for (int x = 0; x < 320; x++)
            {
                int o = (y * 320 + x) * 3;
                frame[o] = x < 160 ? (byte)200 : (byte)0;
                frame[o + 1] = 100;
                frame[o + 2] = y < 90 ? (byte)50 : (byte)250;
            }
        using var thumb = new ThumbnailFeatures();
        var f = thumb.Extract([frame], 320, 180)[0];
        Assert.Equal(96, f.Length);
        Assert.Equal(200 / 255f, f[0], 5); // top-left cell: red, green, blue
        Assert.Equal(100 / 255f, f[1], 5);
        Assert.Equal(50 / 255f, f[2], 5);
        Assert.Equal(0, f[(3 * 8 + 7) * 3], 5); // bottom-right cell
        Assert.Equal(250 / 255f, f[(3 * 8 + 7) * 3 + 2], 5);
    }

    [Fact]
    public void Features_are_computed_once_then_read_from_the_cache_and_again_when_the_video_changes()
    {
        using var dir = new TempDir();
        var video = Path.Combine(dir.Path, "v", "t1", "r1.mp4");
        File.Copy(Clip("max-heromode.mp4"), Directory.CreateDirectory(Path.GetDirectoryName(video)!).FullName + "/r1.mp4");
        var cache = Path.Combine(dir.Path, "cache");
        var first = SplitsCacheStep.Features(video, cache, 4, FrameExtractors.Thumbnail);
        Assert.False(first.FromCache);
        Assert.Equal(315, first.Video.FrameCount);
        Assert.Equal("30000/1001", first.Video.RateText);
        Assert.InRange(first.Count, 42, 43); // 10.51 s at 4 frames per second
        Assert.Equal(96, first.Dimension);
        Assert.Equal(0.25, first.Times[1], 12);
        var second = SplitsCacheStep.Features(video, cache, 4, FrameExtractors.Thumbnail);
        Assert.True(second.FromCache);
        Assert.Equal(first.Values.SelectMany(v => v), second.Values.SelectMany(v => v));
        var other = SplitsCacheStep.Features(video, cache, 2, FrameExtractors.Thumbnail);
        Assert.False(other.FromCache);
        File.Copy(Clip("karma.mp4"), video, overwrite: true);
        var changed = SplitsCacheStep.Features(video, cache, 4, FrameExtractors.Thumbnail);
        Assert.False(changed.FromCache);
        Assert.Equal(362, changed.Video.FrameCount);

        var entries = SplitsCacheStep.Videos(Path.Combine(dir.Path, "v"), cache, 4, FrameExtractors.Thumbnail);
        var entry = Assert.Single(entries);
        Assert.Equal(("t1", "r1"), (entry.TrackId, entry.RiderId));
        Assert.True(entry.Features.FromCache);
    }

    [Fact]
    public void Unknown_extractors_and_empty_folders_are_errors_that_say_what_was_expected()
    {
        var e = Assert.Throws<ArgumentException>(() => FrameExtractors.Create("vgg"));
        Assert.Contains("resnet18", e.Message);
        using var dir = new TempDir();
        var empty = Assert.Throws<InvalidDataException>(() => SplitsCacheStep.Videos(dir.Path, dir.Path));
        Assert.Contains("<track_id>/<rider_id>.mp4", empty.Message);
    }
}

/// <summary>The lab's ResNet-18 path against the package's two models run as shipped (preprocessing model, then the
/// network at batch 1).</summary>
public class ResNetAgainstPackageModelsTests
{
    [Fact]
    public void Features_equal_the_packages_preprocessing_and_network_run_as_shipped()
    {
        var frames = new List<byte[]>();
        VideoDecoder.Decode(
            Path.Combine(RepoPaths.Root, "tests", "fixtures", "splits", "video", "karma.mp4"),
            (i, rgb) =>
            {
                if (frames.Count < 2)
                    frames.Add((byte[])rgb.Clone());
            },
            rate: 1,
            width: 224,
            height: 224
        );
        using var resnet = new ResNet18Features(batchSize: 2);
        var ours = resnet.Extract(frames, 224, 224);

        var folder = ResNet18Features.DefaultModelsFolder;
        using var prep = new Microsoft.ML.OnnxRuntime.InferenceSession(
            Path.Combine(folder, "ResNetPrepOnnx", "ResNetPreprocess.onnx")
        );
        using var net = new Microsoft.ML.OnnxRuntime.InferenceSession(
            Path.Combine(folder, "ResNet18Onnx", "ResNet18.onnx")
        );
        for (int f = 0; f < frames.Count; f++)
        {
            var planar = new Microsoft.ML.OnnxRuntime.Tensors.DenseTensor<float>([1, 3, 224, 224]);
            for (int p = 0; p < 224 * 224; p++)
                for (int c = 0; c < 3; c++)
                    planar.Buffer.Span[c * 224 * 224 + p] = frames[f][p * 3 + c]; // R, G, B planes, 0–255
            using var prepared = prep.Run(
                [Microsoft.ML.OnnxRuntime.NamedOnnxValue.CreateFromTensor(prep.InputMetadata.Keys.First(), planar)]
            );
            var input = prepared.First().AsTensor<float>().ToDenseTensor();
            using var output = net.Run(
                [Microsoft.ML.OnnxRuntime.NamedOnnxValue.CreateFromTensor(net.InputMetadata.Keys.First(), input)]
            );
            var theirs = output.First().AsTensor<float>().ToArray();
            Assert.Equal(512, theirs.Length);
            for (int k = 0; k < 512; k++)
                Assert.Equal(theirs[k], ours[f][k], 3);
        }
    }
}
