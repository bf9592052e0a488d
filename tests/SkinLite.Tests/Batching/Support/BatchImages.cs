namespace SkinLite.Tests.Batching.Support;

/// <summary>Image files for a batch: small PNGs that pass the preflight, each of its own content.</summary>
internal static class BatchImages
{
    /// <summary>The bytes of image <paramref name="index"/>: a different length, so a different hash, for each index.</summary>
    public static byte[] Bytes(int index) => TestImages.Png(fillerBytes: 3000 + index);

    /// <summary>Writes <paramref name="count"/> images as img-0.png, img-1.png, ... and returns their paths.</summary>
    public static List<string> Write(TempFolder folder, int count, int firstIndex = 0)
    {
        var paths = new List<string>(count);
        for (int i = firstIndex; i < firstIndex + count; i++)
        {
            paths.Add(folder.Write($"img-{i}.png", Bytes(i)));
        }

        return paths;
    }
}
