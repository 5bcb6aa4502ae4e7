using FFMpegCore.Pipes;

namespace Lib.Splits.Ingest;

/// <summary>An FFMpegCore pipe sink reading ffmpeg's <c>rawvideo rgb24</c> output frame by frame, handing each whole
/// frame to a callback (the buffer is reused: copy what you keep).</summary>
internal sealed class RgbFrameSink(int width, int height, Action<int, byte[]> onFrame) : IPipeSink
{
    /// <summary>Frames read so far.</summary>
    public int Frames { get; private set; }

    /// <summary>Bytes left over after the last whole frame (0 unless ffmpeg stopped mid-frame).</summary>
    public int Leftover { get; private set; }

    public string GetStreamArguments() => "-f rawvideo -pix_fmt rgb24";

    public async Task ReadAsync(Stream inputStream, CancellationToken cancellationToken)
    {
        var buffer = new byte[width * height * 3];
        while (true)
        {
            int filled = 0;
            while (filled < buffer.Length)
            {
                int read = await inputStream.ReadAsync(buffer.AsMemory(filled), cancellationToken);
                if (read == 0)
                    break;
                filled += read;
            }
            if (filled < buffer.Length)
            {
                Leftover = filled;
                return;
            }
            onFrame(Frames, buffer);
            Frames++;
        }
    }
}
