using SkiaSharp;

namespace SkinLite.Reports.Tests.Browser;

/// <summary>What a screenshot shows, measured rather than eyeballed: its size and how much of it is not background.</summary>
internal sealed class Screenshot
{
    private Screenshot(int width, int height, double inkShare, int colours)
    {
        Width = width;
        Height = height;
        InkShare = inkShare;
        Colours = colours;
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>The share of sampled pixels that differ from the most common colour (the page's background).</summary>
    public double InkShare { get; }

    /// <summary>How many distinct colours the sample holds: text, bars, images and the gauge give many; a blank page one.</summary>
    public int Colours { get; }

    public static Screenshot Measure(byte[] png)
    {
        using SKBitmap bitmap = SKBitmap.Decode(png) ?? throw new InvalidDataException("the screenshot is not a PNG");
        var counts = new Dictionary<uint, int>();
        int step = Math.Max(1, Math.Min(bitmap.Width, bitmap.Height) / 200);
        int samples = 0;
        for (int y = 0; y < bitmap.Height; y += step)
        {
            for (int x = 0; x < bitmap.Width; x += step)
            {
                uint colour = (uint)bitmap.GetPixel(x, y);
                counts[colour] = counts.GetValueOrDefault(colour) + 1;
                samples++;
            }
        }

        int background = counts.Values.Max();
        return new Screenshot(bitmap.Width, bitmap.Height, 1.0 - ((double)background / samples), counts.Count);
    }

    public override string ToString() => $"{Width}x{Height}, {InkShare:P1} ink, {Colours} colours";
}
