namespace SkinLite.Reports.Html;

/// <summary>
/// The images of a saved folder as <c>data:</c> URIs, so that the page works offline and can be mailed. Only a saved
/// file of at most <see cref="ReportOptions.MaxEmbeddedImageBytes"/> whose bytes are a PNG, JPEG, GIF or WebP and agree
/// with the manifest's media type is embedded. Each file is read and encoded once, however often a page shows it
/// (the input photo appears beside every concern).
/// </summary>
internal sealed class SavedImages(SavedAnalysis saved, long maxBytes) : IReportImages
{
    private readonly Dictionary<string, ReportImage> _byPath = new(StringComparer.Ordinal);

    public ReportImage Get(string field)
    {
        if (saved.Find(field) is not { FileName: not null } asset)
        {
            return ReportImage.NotSaved;
        }

        string path;
        try
        {
            path = saved.PathOf(asset);
        }
        catch (InvalidDataException)
        {
            return ReportImage.Unavailable("Image not shown: the manifest names a file outside the folder");
        }

        if (!_byPath.TryGetValue(path, out ReportImage image))
        {
            image = Read(path, asset.MediaType);
            _byPath[path] = image;
        }

        return image;
    }

    private ReportImage Read(string path, string? declared)
    {
        if (!ImageSniffer.IsEmbeddable(declared))
        {
            return ReportImage.Unavailable("Image not shown: not a PNG, JPEG, GIF or WebP");
        }

        byte[] bytes;
        try
        {
            var file = new FileInfo(path);
            if (!file.Exists)
            {
                return ReportImage.Unavailable("Image missing from the saved folder");
            }

            if (file.Length > maxBytes)
            {
                return ReportImage.Unavailable("Image too large to embed in the report");
            }

            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return ReportImage.Unavailable("Image could not be read from the saved folder");
        }

        string? sniffed = ImageSniffer.Sniff(bytes);
        if (sniffed is null || !string.Equals(sniffed, declared, StringComparison.Ordinal) || bytes.Length > maxBytes)
        {
            return ReportImage.Unavailable("Image not shown: its bytes are not the image the manifest says");
        }

        return ReportImage.Embedded("data:" + sniffed + ";base64," + Convert.ToBase64String(bytes));
    }
}
