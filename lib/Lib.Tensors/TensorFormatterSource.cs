using System.Globalization;
using System.Text;
using Lib.Tensors.Formatting;

namespace Lib.Tensors;

/// <summary>Renders tensors in notebooks: shape, summary statistics and the first values.</summary>
public sealed class TensorFormatterSource
{
    /// <summary>The formatters, found by hosts through <see cref="TypeFormatterSourceAttribute"/>.</summary>
    public IEnumerable<object> CreateTypeFormatters() =>
        [new TypeFormatter<Tensor>("text/html", ToHtml), new TypeFormatter<Tensor>("text/plain", t => t.ToString())];

    private static string ToHtml(Tensor t)
    {
        var sb = new StringBuilder();
        sb.Append("<div class=\"lab-tensor\"><b>Tensor</b> shape [")
            .Append(string.Join(", ", t.Shape))
            .Append("], float32, ")
            .Append(t.NumEl.ToString("N0", CultureInfo.InvariantCulture))
            .Append(" elements");
        if (t.NumEl > 0)
        {
            float min = float.PositiveInfinity,
                max = float.NegativeInfinity;
            double sum = 0;
            foreach (float v in t.Data)
            {
                min = Math.Min(min, v);
                max = Math.Max(max, v);
                sum += v;
            }
            sb.Append(CultureInfo.InvariantCulture, $"; min {min:G4}, mean {sum / t.NumEl:G4}, max {max:G4}");
        }
        sb.Append("<pre>").Append(Html.Encode(t.ToString())).Append("</pre></div>");
        return sb.ToString();
    }
}
