using FFMpegCore.Pipes;

namespace Lib.Splits.Ingest;

/// <summary>One 8-bit RGB frame for FFMpegCore's <see cref="RawVideoPipeSource"/>.</summary>
internal sealed class RgbVideoFrame(byte[] data, int width, int height) : IVideoFrame
{
    public int Width => width;

    public int Height => height;

    public string PixelFormat => "rgb24";

    public void Serialize(Stream pipe) => pipe.Write(data);

    public Task SerializeAsync(Stream pipe, CancellationToken token) => pipe.WriteAsync(data, token).AsTask();
}
