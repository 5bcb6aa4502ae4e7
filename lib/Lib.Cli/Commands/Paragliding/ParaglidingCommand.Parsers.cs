using System.Globalization;

namespace Lib.Cli.Commands;

// What the parser verbs (igc, grib, weather, xcontest) share: number formatting for their messages.
internal static partial class ParaglidingCommand
{
    private static string N(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string D(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);
}
