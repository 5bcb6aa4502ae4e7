using System.CommandLine;
using Lib.Splits.Train;

namespace Lib.Cli.Commands;

// The network and sampling options lab splits train and lab tune splits share.
internal static partial class SplitsCommand
{
    private sealed class NetworkOptions
    {
        private static readonly SplitsTrainOptions Defaults = new();

        public readonly Option<int> Batch = new("--batch-size")
        {
            Description = "Pairs per batch.",
            DefaultValueFactory = _ => Defaults.BatchSize,
        };
        public readonly Option<int> Hidden = new("--hidden")
        {
            Description = "LSTM hidden size.",
            DefaultValueFactory = _ => Defaults.HiddenSize,
        };
        public readonly Option<int> Compress = new("--compress")
        {
            Description = "Compression size (0: none).",
            DefaultValueFactory = _ => 128,
        };
        public readonly Option<int> Post = new("--post-lstm")
        {
            Description = "Post-LSTM size (0: none).",
            DefaultValueFactory = _ => 64,
        };
        public readonly Option<float> Dropout = new("--dropout")
        {
            Description = "Dropout.",
            DefaultValueFactory = _ => Defaults.Dropout,
        };
        public readonly Option<int> Negatives = new("--negatives")
        {
            Description = "Negatives per positive.",
            DefaultValueFactory = _ => Defaults.Samples.NegativesPerPositive,
        };
        public readonly Option<bool> IgnoreFirst = new("--ignore-first-split")
        {
            Description = "No positives at the start.",
        };
        public readonly Option<int> Seed = new("--seed")
        {
            Description = "Seeds samples, weights and batches.",
            DefaultValueFactory = _ => 1,
        };

        public void AddTo(Command command)
        {
            Option[] all = [Batch, Hidden, Compress, Post, Dropout, Negatives, IgnoreFirst, Seed];
            foreach (var option in all)
                command.Options.Add(option);
        }

        /// <summary><paramref name="options"/> with the parsed network sizes, dropout, seed, negatives and
        /// first-split switch (the samples' other settings kept).</summary>
        public SplitsTrainOptions Apply(ParseResult parse, SplitsTrainOptions options)
        {
            int c = parse.GetValue(Compress),
                p = parse.GetValue(Post),
                seed = parse.GetValue(Seed);
            return options with
            {
                BatchSize = parse.GetValue(Batch),
                HiddenSize = parse.GetValue(Hidden),
                CompressSizes = c > 0 ? [c] : [],
                PostLstmSizes = p > 0 ? [p] : [],
                Dropout = parse.GetValue(Dropout),
                Seed = seed,
                Samples = options.Samples with
                {
                    NegativesPerPositive = parse.GetValue(Negatives),
                    IgnoreFirstSplit = parse.GetValue(IgnoreFirst),
                    Seed = seed,
                },
            };
        }
    }
}
