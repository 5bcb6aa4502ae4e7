using System.Text.Json.Serialization;

namespace Lib.Climbing.Domain;

/// <summary>One row of the grade table: a difficulty number, its Font boulder grade (<c>6a+</c>) and V grade (3 for
/// V3).</summary>
/// <param name="Difficulty">Kilter's difficulty number.</param>
/// <param name="Font">The Font (Fontainebleau) boulder grade, lower case as in the table.</param>
/// <param name="V">The V (Hueco) grade number.</param>
/// <param name="Listed">Whether the Kilter app lists the grade (difficulties 10–33); the others are below or above what
/// boards use.</param>
public sealed record GradeEntry(int Difficulty, string Font, int V, bool Listed)
{
    /// <summary>The table's name: <c>6a+/V3</c>.</summary>
    [JsonIgnore]
    public string Name => $"{Font}/V{V}";
}
