using System.Globalization;
using System.Text;
using Lib.Tensors.IO;
using YamlDotNet.Serialization;

namespace Lib.Tracking;

/// <summary>Reads and writes the flat <c>meta.yaml</c> files of MLflow's file store.</summary>
internal static class MetaYaml
{
    /// <summary>Writes <paramref name="fields"/> as <c>key: value</c> lines, quoting strings as PyYAML would
    /// need.</summary>
    public static void Write(string path, IEnumerable<(string Key, object? Value)> fields)
    {
        var sb = new StringBuilder();
        foreach (var (key, value) in fields)
            sb.Append(key).Append(": ").Append(Scalar(value)).Append('\n');
        AtomicFile.WriteAllText(path, sb.ToString());
    }

    /// <summary>The fields of a meta.yaml file, as strings (null for YAML null).</summary>
    public static Dictionary<string, string?> Read(string path)
    {
        var text = File.ReadAllText(path);
        try
        {
            var map = new DeserializerBuilder().Build().Deserialize<Dictionary<string, object?>>(text) ?? [];
            return map.ToDictionary(
                kv => kv.Key,
                kv =>
                    kv.Value switch
                    {
                        null => null,
                        string s => s,
                        System.Collections.IEnumerable => "",
                        var other => Convert.ToString(other, CultureInfo.InvariantCulture),
                    }
            );
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw new InvalidDataException($"{path}: not a valid MLflow meta.yaml ({e.Message}).", e);
        }
    }

    private static string Scalar(object? value) =>
        value switch
        {
            null => "null",
            long or int => Convert.ToString(value, CultureInfo.InvariantCulture)!,
            IEnumerable<string> list => list.Any() ? "[" + string.Join(", ", list.Select(Quote)) + "]" : "[]",
            string s => Quote(s),
            _ => Quote(Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""),
        };

    /// <summary>Plain when safe, else single-quoted (numbers-as-strings like experiment ids are always
    /// quoted).</summary>
    private static string Quote(string s)
    {
        bool plain =
            s.Length > 0
            && s.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/' or ':' or '%')
            && !char.IsAsciiDigit(s[0])
            && !s.EndsWith(':')
            && s[0] is not ('-' or ':' or '%')
            && s is not ("true" or "false" or "null" or "yes" or "no" or "on" or "off" or "~");
        return plain ? s : "'" + s.Replace("'", "''") + "'";
    }
}
