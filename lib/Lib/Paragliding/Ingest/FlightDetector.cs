using Lib.Paragliding.Domain;

namespace Lib.Paragliding.Ingest;

/// <summary>
/// Finds takeoffs and landings in a log's valid fixes. The track is resampled to one point per
/// <see cref="SampleSeconds"/> (GNSS jitter at 1 Hz would look like walking pace); a sample is airborne when the path
/// speed over the next <see cref="WindowSeconds"/> is at least <see cref="MinSpeedKmh"/> (a path, not a displacement,
/// so a thermalling glider circling in place counts) or the altitude changes faster than <see cref="MinClimbMs"/>.
/// A flight starts where airborne samples last at least <see cref="MinAirborneSeconds"/> and ends where the ground
/// samples that follow last at least <see cref="MinLandedSeconds"/> (a log that stops airborne ends at its last
/// fix). Thresholds follow igc_lib's (15 km/h; a landing is a stop of minutes).
/// </summary>
public sealed record FlightDetector(
    double MinSpeedKmh = 15,
    double MinClimbMs = 1.5,
    int SampleSeconds = 5,
    int WindowSeconds = 30,
    int MinAirborneSeconds = 60,
    int MinLandedSeconds = 120
)
{
    /// <summary>The flights of the valid fixes, in order.</summary>
    public IReadOnlyList<FlightPhase> Detect(IReadOnlyList<IgcFix> fixes)
    {
        ArgumentNullException.ThrowIfNull(fixes);
        if (fixes.Count < 2)
            return [];
        // Samples: indices of fixes at least SampleSeconds apart.
        var samples = new List<int> { 0 };
        for (int i = 1; i < fixes.Count; i++)
            if ((fixes[i].TimeUtc - fixes[samples[^1]].TimeUtc).TotalSeconds >= SampleSeconds)
                samples.Add(i);
        var airborne = new bool[samples.Count];
        for (int s = 0; s < samples.Count; s++)
        {
            double path = 0;
            int e = s;
            while (e + 1 < samples.Count && Seconds(fixes, samples[s], samples[e]) < WindowSeconds)
            {
                path += GreatCircle.Km(fixes[samples[e]], fixes[samples[e + 1]]);
                e++;
            }
            double dt = Seconds(fixes, samples[s], samples[e]);
            if (dt <= 0)
            {
                airborne[s] = s > 0 && airborne[s - 1];
                continue;
            }
            double speed = path / dt * 3600;
            double climb = Math.Abs(fixes[samples[e]].GnssAltM - fixes[samples[s]].GnssAltM) / dt;
            airborne[s] = speed >= MinSpeedKmh || climb >= MinClimbMs;
        }
        var flights = new List<FlightPhase>();
        int k = 0;
        while (k < samples.Count)
        {
            // The next airborne run long enough to be a flight.
            while (k < samples.Count && !airborne[k])
                k++;
            if (k >= samples.Count)
                break;
            int start = k;
            int end = Run(airborne, k, true);
            if (Seconds(fixes, samples[start], samples[end - 1]) < MinAirborneSeconds && end < samples.Count)
            {
                k = end;
                continue;
            }
            // Extend over short ground runs until a landing long enough (or the log's end).
            int landing = -1;
            k = end;
            while (k < samples.Count)
            {
                int groundEnd = Run(airborne, k, false);
                double stop = Seconds(fixes, samples[k], samples[Math.Min(groundEnd, samples.Count - 1)]);
                if (groundEnd >= samples.Count || stop >= MinLandedSeconds)
                {
                    landing = k;
                    k = groundEnd;
                    break;
                }
                k = Run(airborne, groundEnd, true);
            }
            bool endedAirborne = landing < 0;
            int takeoffFix = samples[start];
            int landingFix = endedAirborne ? fixes.Count - 1 : samples[landing];
            flights.Add(
                new FlightPhase(
                    fixes[takeoffFix].TimeUtc,
                    fixes[landingFix].TimeUtc,
                    takeoffFix,
                    landingFix,
                    endedAirborne
                )
            );
        }
        return flights;
    }

    private static int Run(bool[] flags, int from, bool value)
    {
        int i = from;
        while (i < flags.Length && flags[i] == value)
            i++;
        return i;
    }

    private static double Seconds(IReadOnlyList<IgcFix> fixes, int a, int b) =>
        (fixes[b].TimeUtc - fixes[a].TimeUtc).TotalSeconds;
}
