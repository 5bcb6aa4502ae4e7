using System.Buffers;
using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Newtonsoft.Json;
using Plotly.NET;

namespace Lib.Charts;

/// <summary>A chart's plotly.js figure as JSON: the same figure Plotly.NET's <see cref="GenericChart.toJson"/> writes,
/// a hundred times faster.</summary>
/// <remarks>
/// <c>GenericChart.toJson</c> took 150–700 ms for a 30-point line chart here (Newtonsoft.Json over the default
/// template's deep dynamic objects), which was most of a notebook chart cell. This writes the same tree with
/// <see cref="Utf8JsonWriter"/> in 1–3 ms: every <see cref="DynamicObj.DynamicObj"/> (traces, layout, config, template)
/// as an object of its properties, strings, numbers, booleans and sequences directly, and any other value (colours
/// and the other types with their own Newtonsoft converter, dates, options) through Newtonsoft with Plotly.NET's
/// settings. Tested equal, as JSON, to <c>GenericChart.toJson</c> on every chart the library draws.
/// <para>The notebook runner compiles this same file (internal there) for its chart formatter, as it does not load the
/// library.</para>
/// </remarks>
#if LAB_NOTEBOOK_RUNNER
internal
#else
public
#endif
static class ChartJson
{
    private static readonly JsonSerializerSettings Newtonsoft = new()
    {
        ReferenceLoopHandling = ReferenceLoopHandling.Serialize,
    };
    private static readonly ConcurrentDictionary<Type, bool> OwnConverter = new();

    /// <summary>The figure as <c>{"data": [...], "layout": {...}, "config": {...}}</c>: the payload of an
    /// <c>application/vnd.plotly.v1+json</c> output.</summary>
    public static string Of(GenericChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var buffer = new ArrayBufferWriter<byte>(16_384);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WritePropertyName("data");
            writer.WriteStartArray();
            foreach (var trace in GenericChart.getTraces(chart))
                Write(writer, trace);
            writer.WriteEndArray();
            writer.WritePropertyName("layout");
            Write(writer, GenericChart.getLayout(chart));
            writer.WritePropertyName("config");
            Write(writer, GenericChart.getConfig(chart));
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void Write(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                return;
            case string s:
                writer.WriteStringValue(s);
                return;
            case bool b:
                writer.WriteBooleanValue(b);
                return;
            case int i:
                writer.WriteNumberValue(i);
                return;
            case long l:
                writer.WriteNumberValue(l);
                return;
            case double d when double.IsFinite(d):
                writer.WriteNumberValue(d);
                return;
            case float f when float.IsFinite(f):
                writer.WriteNumberValue(f);
                return;
            case decimal m:
                writer.WriteNumberValue(m);
                return;
        }
        if (value is DynamicObj.DynamicObj obj)
        {
            writer.WriteStartObject();
            foreach (var (name, property) in obj.GetProperties(true))
            {
                writer.WritePropertyName(name);
                Write(writer, property);
            }
            writer.WriteEndObject();
            return;
        }
        if (
            value is IEnumerable items and not IDictionary
            && !OwnConverter.GetOrAdd(value.GetType(), t =>
                t.GetCustomAttribute<JsonConverterAttribute>(inherit: true) is not null
            )
        )
        {
            writer.WriteStartArray();
            foreach (var item in items)
                Write(writer, item);
            writer.WriteEndArray();
            return;
        }
        writer.WriteRawValue(JsonConvert.SerializeObject(value, Newtonsoft), skipInputValidation: true);
    }
}
