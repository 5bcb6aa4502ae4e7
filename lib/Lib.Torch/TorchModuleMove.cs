using System.Reflection;
using TorchSharp;
using TorchModule = TorchSharp.torch.nn.Module;

namespace Lib.Torch;

/// <summary>
/// Moves or casts a twin (<c>module.to(device)</c>, <c>module.to(dtype)</c>) and keeps its fields pointing at its
/// parameters. TorchSharp's <c>Module.to</c> replaces each parameter and buffer that changes device or type with a new
/// object and re-points only a field named exactly as the registered key; a twin that registers
/// <c>_inProjWeight</c> as <c>in_proj_weight</c> (its PyTorch key) would keep the old, disposed tensor and fail with
/// "Tensor invalid -- empty handle". This records which field of every submodule held which registered parameter or
/// buffer, applies the move, and sets those fields to the new objects.
/// </summary>
public static class TorchModuleMove
{
    /// <summary>Applies <paramref name="move"/> to <paramref name="root"/> and re-points its fields.</summary>
    public static void Apply(TorchModule root, Action<TorchModule> move)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(move);
        var bound = new List<(TorchModule Owner, FieldInfo Field, string Key, bool Buffer)>();
        foreach (var module in root.modules().Prepend(root).Distinct(ReferenceEqualityComparer.Instance))
        {
            var owner = (TorchModule)module!;
            var keys = new Dictionary<object, (string, bool)>(ReferenceEqualityComparer.Instance);
            foreach (var (key, p) in owner.named_parameters(recurse: false))
                keys[p] = (key, false);
            foreach (var (key, b) in owner.named_buffers(recurse: false))
                keys.TryAdd(b, (key, true));
            if (keys.Count == 0)
                continue;
            for (var type = owner.GetType(); type is not null && type != typeof(object); type = type.BaseType)
                foreach (
                    var field in type.GetFields(
                        BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly
                    )
                )
                    if (
                        typeof(torch.Tensor).IsAssignableFrom(field.FieldType)
                        && field.GetValue(owner) is { } value
                        && keys.TryGetValue(value, out var registered)
                    )
                        bound.Add((owner, field, registered.Item1, registered.Item2));
        }
        move(root);
        foreach (var (owner, field, key, buffer) in bound)
        {
            torch.Tensor? now = buffer
                ? owner.named_buffers(recurse: false).FirstOrDefault(b => b.name == key).buffer
                : owner.named_parameters(recurse: false).FirstOrDefault(p => p.name == key).parameter;
            if (now is not null && field.FieldType.IsInstanceOfType(now))
                field.SetValue(owner, now);
        }
    }
}
