using System.CommandLine;

namespace Lib.Cli.Commands;

/// <summary>The <c>--resume-from</c> option of the train commands whose trainer checkpoints every epoch (football,
/// paragliding, the split timer).</summary>
internal static class ResumeOptions
{
    /// <summary>The option; <paramref name="last"/> says what <c>last</c> means for the command.</summary>
    public static Option<string?> Create(string last = "the model folder's checkpoints/last.safetensors") =>
        new("--resume-from")
        {
            Description = $"Continue from a checkpoint: 'last' ({last}) or a file.",
            HelpName = "last|file",
        };
}
