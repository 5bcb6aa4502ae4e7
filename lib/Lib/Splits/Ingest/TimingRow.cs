using System.Globalization;

namespace Lib.Splits.Ingest;

/// <summary>
/// One rider's run in official timing, normalised (the columns of <c>timing_expected.csv</c>): the file it was read
/// from, the race (<c>fort_william_2024</c>), category (<c>men_elite</c>), round (<c>f</c>, <c>semi</c>, <c>qr</c>,
/// <c>q1</c>, <c>q2</c>, <c>tt</c>), the timed-training run number, the rank as printed, the rider as the file prints
/// the name (without the under-23 <c>*</c> or a <c>(NAT)</c> suffix), UCI id, nation, status, and the four
/// intermediate times and the final time in milliseconds from the start (null when absent).
/// </summary>
public sealed record TimingRow(
    string File,
    string Race,
    string Category,
    string Round,
    int? Run,
    int? Rank,
    string Rider,
    string UciId,
    string Nation,
    TimingStatus Status,
    long? Split1Ms,
    long? Split2Ms,
    long? Split3Ms,
    long? Split4Ms,
    long? FinalMs
)
{
    /// <summary>The columns of the normalised CSV, in order.</summary>
    public static readonly string[] Columns =
    [
        "file",
        "race",
        "category",
        "round",
        "run",
        "rank",
        "rider",
        "uci_id",
        "nation",
        "status",
        "split1_s",
        "split2_s",
        "split3_s",
        "split4_s",
        "final_s",
    ];

    /// <summary>The five points from the start (I1–I4, finish) in milliseconds.</summary>
    public IReadOnlyList<long?> PointsMs => [Split1Ms, Split2Ms, Split3Ms, Split4Ms, FinalMs];

    /// <summary>
    /// The five sector times in seconds (I1, I2 − I1, I3 − I2, I4 − I3, finish − I4), null where a point is missing.
    /// </summary>
    public IReadOnlyList<double?> SectorSeconds
    {
        get
        {
            var points = PointsMs;
            var sectors = new double?[5];
            long? previous = 0;
            for (int k = 0; k < 5; k++)
            {
                sectors[k] = previous is { } a && points[k] is { } b ? (b - a) / 1000.0 : null;
                previous = points[k];
            }
            return sectors;
        }
    }

    /// <summary>The row's fields as the normalised CSV writes them (times in seconds with three decimals).</summary>
    public IReadOnlyList<string> Fields() =>
        [
            File,
            Race,
            Category,
            Round,
            Run?.ToString(CultureInfo.InvariantCulture) ?? "",
            Rank?.ToString(CultureInfo.InvariantCulture) ?? "",
            Rider,
            UciId,
            Nation,
            Status.ToString(),
            RaceTime.FormatSeconds(Split1Ms),
            RaceTime.FormatSeconds(Split2Ms),
            RaceTime.FormatSeconds(Split3Ms),
            RaceTime.FormatSeconds(Split4Ms),
            RaceTime.FormatSeconds(FinalMs),
        ];

    /// <summary>The row as one CSV line (fields quoted only where needed).</summary>
    public override string ToString() => string.Join(",", Fields().Select(TimingCsv.Quote));
}
