using System.CommandLine;
using Lib.Splits.Model;

namespace Lib.Cli.Commands;

// The search options lab splits train, evaluate and find share, and the encoders' device of evaluate and find.
internal static partial class SplitsCommand
{
    /// <summary>The <c>--device</c> of <c>find</c> and <c>evaluate</c>: where the models' encoders run.</summary>
    private static Option<string> EncoderDevice()
    {
        var device = DeviceOptions.Create();
        device.Description = "Where the models' encoders run: cpu (the lab's engine, the default), torch-cpu (the "
            + "TorchSharp twin on LibTorch's CPU) or cuda (an NVIDIA GPU; needs a build with -p:TorchBackend=cuda).";
        return device;
    }

    private sealed class SearchOptions
    {
        public readonly Option<string> Search = new("--search")
        {
            Description = "align (time-warp the two videos on the model's clip logits, then a line per point) or "
                + "candidates (a scan per point, then an ordered choice).",
            DefaultValueFactory = _ => "align",
        };
        public readonly Option<int> Stride = new("--stride")
        {
            Description = "candidates: scan every N frames (then refine).",
            DefaultValueFactory = _ => 1,
        };
        public readonly Option<double> FitWindow = new("--fit-window")
        {
            Description = "align: half-width (s) of the frames a point's line is fitted to.",
            DefaultValueFactory = _ => new FindOptions().FitWindowSeconds,
        };
        public readonly Option<double> EndGap = new("--end-gap")
        {
            Description = "align: the start's (finish's) line starts this far (s) after (before) it.",
            DefaultValueFactory = _ => new FindOptions().EndGapSeconds,
        };
        public readonly Option<double> EndWindow = new("--end-window")
        {
            Description = "align: how far (s) into the run the start's and finish's lines reach.",
            DefaultValueFactory = _ => new FindOptions().EndWindowSeconds,
        };
        public readonly Option<bool> EndCut = new("--end-cut")
        {
            Description = "align: the start's (finish's) line takes only frames after (before) the last (first) "
                + "frame placed at it.",
            DefaultValueFactory = _ => new FindOptions().EndCut,
        };
        public readonly Option<string> PlaceOn = new("--place-on")
        {
            Description = "align: features (the scaled inputs the model reads) or compressed (the model's "
                + "per-frame compression).",
            DefaultValueFactory = _ => "features",
        };

        public readonly Option<string> AlignOn = new("--align-on")
        {
            Description = "align: what the time warping aligns: clips (the model's logits) or frames (the cosine "
                + "distance of the --place-on embeddings).",
            DefaultValueFactory = _ => "frames",
        };

        public readonly Option<string> Refine = new("--refine")
        {
            Description = "none, or register: refine each point by registering the target's frames around it "
                + "against the source's frame at the point, at the videos' own rate (chosen on validation tracks).",
            DefaultValueFactory = _ => new FindOptions().Refine == PointRefine.Register ? "register" : "none",
        };

        public readonly Option<double> RefineRelocate = new("--refine-relocate")
        {
            Description = "register: a point with no answer near the coarse one is looked for again within this "
                + "many seconds of it, centred on the best-correlated frame (0: off).",
            DefaultValueFactory = _ => new FindOptions().RefineRelocateSeconds,
        };

        public void AddTo(Command command)
        {
            command.Options.Add(Refine);
            command.Options.Add(RefineRelocate);
            command.Options.Add(AlignOn);
            command.Options.Add(Search);
            command.Options.Add(Stride);
            command.Options.Add(FitWindow);
            command.Options.Add(EndGap);
            command.Options.Add(EndWindow);
            command.Options.Add(EndCut);
            command.Options.Add(PlaceOn);
        }

        public FindOptions Read(ParseResult parse) =>
            new()
            {
                Search = parse.GetValue(Search) switch
                {
                    "align" => SplitSearchKind.Align,
                    "candidates" => SplitSearchKind.Candidates,
                    var other => throw new ArgumentException($"--search must be align or candidates; got {other}."),
                },
                Stride = parse.GetValue(Stride),
                AlignOn = parse.GetValue(AlignOn) switch
                {
                    "clips" => AlignCost.Clips,
                    "frames" => AlignCost.Frames,
                    var other => throw new ArgumentException($"--align-on must be clips or frames; got {other}."),
                },
                FitWindowSeconds = parse.GetValue(FitWindow),
                EndGapSeconds = parse.GetValue(EndGap),
                EndWindowSeconds = parse.GetValue(EndWindow),
                EndCut = parse.GetValue(EndCut),
                Refine = parse.GetValue(Refine) switch
                {
                    "none" => PointRefine.None,
                    "register" => PointRefine.Register,
                    var other => throw new ArgumentException($"--refine must be none or register; got {other}."),
                },
                RefineRelocateSeconds = parse.GetValue(RefineRelocate) is var r && r >= 0 && double.IsFinite(r)
                    ? r
                    : throw new ArgumentException($"--refine-relocate must be 0 or more seconds; got {r}."),
                PlaceOn = parse.GetValue(PlaceOn) switch
                {
                    "compressed" => FrameSpace.Compressed,
                    "features" => FrameSpace.Features,
                    var other => throw new ArgumentException(
                        $"--place-on must be compressed or features; got {other}."
                    ),
                },
            };
    }
}
