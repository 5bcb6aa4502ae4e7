using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Lib.Paragliding.Domain;

namespace Lib.Paragliding.Ingest;

/// <summary>
/// Glideator's 77 GFS features read from its <c>schema.json</c> (name → <c>grib_name</c>, <c>position</c>, …), each
/// mapped to the GRIB2 field it comes from by the rule its name spells:
/// <c>&lt;quantity&gt;_&lt;level&gt;_&lt;unit&gt;</c>,
/// the quantity a WMO parameter (u_wind 0.2.2, v_wind 0.2.3, temperature 0.0.0, relative_humidity 0.1.1,
/// geopotential_height 0.3.5, dewpoint 0.0.6, wind_gust 0.2.22, pressure 0.3.0, precipitable_water 0.1.3) and the
/// level a surface (<c>500hpa</c> isobaric 50000 Pa, <c>10m</c> 10 m above ground, <c>sfc</c> the surface,
/// <c>clm</c> the entire atmosphere as one layer). A name outside these rules is an error naming it.
/// </summary>
public sealed partial class GlideatorSchema
{
    private static readonly Dictionary<string, (int D, int C, int N)> Quantities = new(StringComparer.Ordinal)
    {
        ["u_wind"] = (0, 2, 2),
        ["v_wind"] = (0, 2, 3),
        ["temperature"] = (0, 0, 0),
        ["relative_humidity"] = (0, 1, 1),
        ["geopotential_height"] = (0, 3, 5),
        ["dewpoint"] = (0, 0, 6),
        ["wind_gust"] = (0, 2, 22),
        ["pressure"] = (0, 3, 0),
        ["precipitable_water"] = (0, 1, 3),
    };

    /// <summary>The variables in schema position order.</summary>
    public IReadOnlyList<WeatherVariable> Variables { get; }

    /// <summary>True when a field (parameter and surface) is one of the schema's variables.</summary>
    public bool Holds((int D, int C, int N, int LevelType, double Level) field) => Variables.Any(v => v.Matches(field));

    /// <summary>The schema built from variables (position order is kept as given).</summary>
    public GlideatorSchema(IEnumerable<WeatherVariable> variables) =>
        Variables = [.. variables.OrderBy(v => v.Position)];

    /// <summary>Reads <c>schema.json</c>.</summary>
    /// <exception cref="InvalidDataException">Not a JSON object of variables, a position repeated or a name the
    /// mapping rules do not cover; the message names the file and the variable.</exception>
    public static GlideatorSchema Read(string path)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"The schema file '{path}' does not exist.", path);
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        if (json.RootElement.ValueKind != JsonValueKind.Object)
            throw new InvalidDataException($"{path}: expected a JSON object of variables.");
        var list = new List<WeatherVariable>();
        foreach (var p in json.RootElement.EnumerateObject())
        {
            if (!p.Value.TryGetProperty("position", out var pos) || !pos.TryGetInt32(out int position))
                throw new InvalidDataException($"{path}: variable '{p.Name}' has no integer 'position'.");
            var grib = p.Value.TryGetProperty("grib_name", out var g) ? g.GetString() ?? "" : "";
            list.Add(
                Map(p.Name, position, grib)
                    ?? throw new InvalidDataException(
                        $"{path}: variable '{p.Name}' is not <quantity>_<level>_<unit> with a known quantity "
                            + $"({string.Join(", ", Quantities.Keys)}) and level (Nhpa, Nm, sfc, clm)."
                    )
            );
        }
        var repeated = list.GroupBy(v => v.Position).FirstOrDefault(x => x.Count() > 1);
        if (repeated is not null)
            throw new InvalidDataException(
                $"{path}: position {repeated.Key} is given to {string.Join(" and ", repeated.Select(v => v.Name))}."
            );
        return new GlideatorSchema(list);
    }

    /// <summary>The GRIB2 field a schema name stands for, or null when the rules do not cover it.</summary>
    public static WeatherVariable? Map(string name, int position, string gribName = "")
    {
        var m = NamePattern().Match(name);
        if (!m.Success || !Quantities.TryGetValue(m.Groups["q"].Value, out var q))
            return null;
        var level = m.Groups["level"].Value;
        (int type, double value) = level switch
        {
            "sfc" => (1, 0.0),
            "clm" => (200, 0.0),
            _ when level.EndsWith("hpa", StringComparison.Ordinal) => (100, 100 * Number(level[..^3])),
            _ => (103, Number(level[..^1])),
        };
        return new WeatherVariable(name, position, gribName, q.D, q.C, q.N, type, value);
    }

    private static double Number(string s) => double.Parse(s, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(?<q>[a-z_]+?)_(?<level>\d+hpa|\d+m|sfc|clm)_(?<unit>[a-z0-9_]+)$")]
    private static partial Regex NamePattern();
}
