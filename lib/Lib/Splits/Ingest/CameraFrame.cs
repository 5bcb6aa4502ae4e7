namespace Lib.Splits.Ingest;

/// <summary>
/// The camera of one frame (recipe step 9): a crop <paramref name="CropWidth"/> px wide (560–640, zoom 640/cw) and
/// cw·9/16 high, centred at strip column <paramref name="CentreColumn"/> (x + 320) and strip row
/// <paramref name="CentreRow"/> (180 + 20·Wy + shake).
/// </summary>
public readonly record struct CameraFrame(double CropWidth, double CentreColumn, double CentreRow)
{
    /// <summary>The crop's height, cw·9/16.</summary>
    public double CropHeight => CropWidth * 9 / 16;
}
